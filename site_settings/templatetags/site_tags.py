"""Template tags that read the library's settings: the header and footer
text, and the legal pages every footer links (the accessibility statement
and the privacy notice chosen in the settings)."""

from django import template
from django.contrib.contenttypes.models import ContentType

from home.chrome import chrome_for
from home.i18n import current_language, in_language, memoise, translated
from home.models import AccessibilityStatementPage

from ..models import FooterText, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The header/footer text in the visitor's language (once per request)."""
    return in_language(
        FooterText.objects.all(), request=context.get("request"), key="footer_text"
    )


@register.simple_tag(takes_context=True)
def legal_pages(context):
    """The statement and the privacy notice in the visitor's language (or
    Polish where they are not translated yet), once per request."""
    request = context.get("request")
    language = current_language()

    def from_chrome(chrome):
        # Both were read with the page itself (see chrome_pages in apps.py).
        kind = ContentType.objects.get_for_model(AccessibilityStatementPage)
        statements = [
            row for row in chrome.pages if row.content_type_id == kind.pk and row.live
        ]
        privacy = None
        chosen_id = SiteSettings.for_request(request).privacy_page_id
        chosen = next((row for row in chrome.pages if row.pk == chosen_id), None)
        if chosen is not None and chosen.live:
            privacy = chrome.versions(chosen).get(language, chosen)
        return {
            "statement": chrome.in_language(statements, language),
            "privacy": privacy,
        }

    def find():
        chrome = chrome_for(request)
        if chrome is not None:
            return from_chrome(chrome)
        statement = in_language(AccessibilityStatementPage.objects.live(), language)
        # The notice is an ordinary page, chosen in the site settings, so an
        # editor may rename or move it without losing the footer link.
        privacy = None
        if request is not None:
            chosen = SiteSettings.for_request(request).privacy_page
            privacy = chosen.specific if chosen is not None and chosen.live else None
        return {"statement": statement, "privacy": translated(privacy, language)}

    return memoise(request, ("legal_pages", language), find)
