"""Template tags that read the library's settings: the header and footer
text, and the legal pages every footer links (the accessibility statement
and the privacy notice chosen in the settings)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from home.chrome import chrome_for
from home.i18n import (
    current_language,
    default_language,
    in_language,
    memoise,
    translated,
)
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
        chosen_id = SiteSettings.for_request(request).privacy_page_id
        return {
            "statement": chrome.in_language(statements, language),
            "privacy": _chosen_from_chrome(chrome, chosen_id, language),
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


# The easy-to-read (ETR) and sign-language (PJM) pages that every
# header and footer links.
@register.simple_tag(takes_context=True)
def easy_access_pages(context):
    """{"easy_read": page or None, "sign_language": page or None}: the pages
    chosen in the settings, in the visitor's language where translated and
    live. The settings object is the one the request already loaded; the
    pages and their translations come in one query, once per request."""
    request = context.get("request")
    language = current_language()

    def from_chrome(chrome, wanted):
        # Read with the page itself (see chrome_pages in apps.py): no query.
        return {
            name: _chosen_from_chrome(chrome, pk, language)
            for name, pk in wanted.items()
        }

    def find():
        if request is None:
            return {"easy_read": None, "sign_language": None}
        chosen = SiteSettings.for_request(request)
        wanted = {
            "easy_read": chosen.easy_read_page_id,
            "sign_language": chosen.sign_language_page_id,
        }
        chrome = chrome_for(request)
        if chrome is not None:
            return from_chrome(chrome, wanted)
        ids = [pk for pk in wanted.values() if pk]
        if not ids:
            return {"easy_read": None, "sign_language": None}
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        candidates = list(
            Page.objects.live()
            .filter(Q(pk__in=ids) | Q(translation_key__in=keys))
            .filter(locale__language_code__in={language, default_language()})
            .select_related("locale")
        )
        by_pk = {page.pk: page for page in candidates}
        found = {}
        for name, pk in wanted.items():
            page = by_pk.get(pk)
            key = page.translation_key if page else None
            found[name] = next(
                (
                    p
                    for p in candidates
                    if key
                    and p.translation_key == key
                    and p.locale.language_code == language
                ),
                page,
            )
        return found

    return memoise(request, ("easy_access_pages", language), find)


def _chosen_from_chrome(chrome, pk, language):
    """The page chosen in the settings (``pk``), from the pages the chrome
    query read: its live version in ``language``, else itself; None where
    it is not live or not chosen."""
    chosen = next((row for row in chrome.pages if row.pk == pk), None)
    if chosen is None or not chosen.live:
        return None
    return chrome.versions(chosen).get(language, chosen)
