"""schema.org descriptions (JSON-LD, home.structured_data) of the
cooperation section: a partnership is an ``Organization`` whose members are
organisations; the directory is an ``ItemList`` of organisations."""

from django.conf import settings

from home.structured_data import SCHEMA


def organization(org, url=""):
    """A partner organisation as a schema.org Organization."""
    data = {"@type": "Organization", "name": org.name}
    if url:
        data["url"] = url
    if org.website:
        data["sameAs"] = [org.website]
    if org.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": org.address,
            "addressLocality": "Warszawa",
            "addressCountry": "PL",
        }
    if getattr(org, "description", ""):
        data["description"] = org.description
    return data


def partnership(page, request):
    """A partnership with its member organisations (initiators first), its
    founding date, area and contact person."""
    url = page.get_full_url(request)
    groups = page.member_groups
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{url}#organization",
        "name": page.title,
        "url": url,
        "description": page.meta_description,
        "foundingDate": page.founded_iso,
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": "Żoliborz, Warszawa",
        },
        "member": [
            organization(member.localized_organization)
            for member in [*groups["initiators"], *groups["others"]]
        ],
    }
    founders = [member.localized_organization for member in groups["initiators"]]
    if founders:
        data["founder"] = [organization(org) for org in founders]
    if page.has_contact:
        contact = {
            "@type": "ContactPoint",
            "contactType": page.contact_role or "contact",
        }
        for key, value in (
            ("name", page.contact_name),
            ("email", page.contact_email),
            ("telephone", page.contact_phone),
        ):
            if value:
                contact[key] = value
        contact["availableLanguage"] = [code for code, _name in settings.LANGUAGES]
        data["contactPoint"] = contact
    return [data]


def directory(page, request):
    """The live organisations of the directory's language."""
    url = page.get_full_url(request)
    organizations = list(page.get_organizations().prefetch_related(None))
    return [
        {
            "@context": SCHEMA,
            "@type": "ItemList",
            "name": page.title,
            "url": url,
            "numberOfItems": len(organizations),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "item": organization(org, f"{url}#{org.anchor}"),
                }
                for position, org in enumerate(organizations, start=1)
            ],
        }
    ]
