"""What machines read from the settings: the library as schema.org
``Library`` on the home page (JSON-LD, home.structured_data) and the
open-data licence (home.open_data)."""

from home.i18n import in_language
from home.models import HomePage
from home.structured_data import SCHEMA

from .models import FooterText, SiteSettings


def open_data_licence(request):
    """The licence chosen under Settings → Library contact details."""
    if request is None:
        return None
    return SiteSettings.for_request(request).open_data_licence


def library(page, request):
    if not isinstance(page, HomePage):
        return None
    contact = SiteSettings.for_request(request)
    footer = in_language(FooterText.objects.all(), request=request, key="footer_text")
    data = {
        "@context": SCHEMA,
        "@type": "Library",
        "@id": f"{page.get_full_url(request)}#library",
        "name": footer.library_name if footer else page.title,
        "url": page.get_full_url(request),
    }
    if page.intro:
        data["description"] = page.intro
    address = {
        "streetAddress": contact.street_address,
        "postalCode": contact.postal_code,
        "addressLocality": contact.city,
    }
    if any(address.values()):
        data["address"] = {
            "@type": "PostalAddress",
            **{key: value for key, value in address.items() if value},
            "addressCountry": "PL",
        }
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.email:
        data["email"] = contact.email
    if contact.phone or contact.email:
        point = {"@type": "ContactPoint", "contactType": "customer service"}
        if contact.phone:
            point["telephone"] = contact.phone
        if contact.email:
            point["email"] = contact.email
        data["contactPoint"] = point
    same_as = [url for _label, url in contact.social_links]
    if contact.bip_url:
        same_as.insert(0, contact.bip_url)
    if same_as:
        data["sameAs"] = same_as
    return [data]
