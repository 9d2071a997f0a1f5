"""The accessibility statement and privacy notice every page links to."""

from django import template
from django.utils import translation
from wagtail.models import Locale

from site_settings.models import SiteSettings

from ..models import AccessibilityStatementPage

register = template.Library()


def _in_language(page, language):
    """The page's live translation in ``language``, else the page itself."""
    if page is None or page.locale.language_code == language:
        return page
    translated = page.get_translations().filter(locale__language_code=language)
    return translated.live().first() or page


@register.simple_tag(takes_context=True)
def legal_pages(context):
    """The statement and the privacy notice in the visitor's language (or
    Polish where they are not translated yet), cached per request."""
    request = context.get("request")
    cached = getattr(request, "_legal_pages_cache", None) if request else None
    if cached is not None:
        return cached
    language = translation.get_language() or "pl"
    default = Locale.get_default()
    statement = (
        AccessibilityStatementPage.objects.live()
        .filter(locale__language_code=language)
        .first()
        or AccessibilityStatementPage.objects.live().filter(locale=default).first()
    )
    # The notice is an ordinary page, chosen in the site settings, so an
    # editor may rename or move it without losing the footer link.
    privacy = None
    if request is not None:
        chosen = SiteSettings.for_request(request).privacy_page
        privacy = chosen.specific if chosen is not None and chosen.live else None
    pages = {"statement": statement, "privacy": _in_language(privacy, language)}
    if request is not None:
        request._legal_pages_cache = pages
    return pages
