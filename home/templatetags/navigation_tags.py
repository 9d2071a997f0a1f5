"""Page chrome: breadcrumbs, the main navigation, hreflang alternates and the
language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from ..chrome import chrome_for, public
from ..i18n import current_language, default_language, in_language, locales

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors of ``page`` below the site root, for the breadcrumb trail."""
    if not isinstance(page, Page):
        return []
    chrome = chrome_for(context.get("request"))
    chain = chrome.ancestors(page) if chrome else None
    if chain is not None:
        return [crumb for crumb in chain if crumb.live]
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page of the visitor's language and its top-level sections."""
    request = context.get("request")
    page = context.get("page")
    chrome = chrome_for(request)
    if chrome is not None and chrome.home is not None:
        return {"home": chrome.home, "items": chrome.menu(), "request": request}
    home = None
    if isinstance(page, Page):
        home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    if home is None:
        home = in_language(
            Page.objects.filter(depth=2).live(), request=request, key="home_page"
        ) or (Page.objects.filter(depth=2).live().first())
    if home is None:
        return {"home": None, "items": []}
    items = list(public(home.get_children().live().in_menu()))
    return {"home": home, "items": items, "request": request}


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """The live, public versions of ``page`` in every language, for
    ``<link rel="alternate" hreflang>``, plus ``x-default``: the version in
    the default language (Polish), where visitors without a preference land.

    Two queries however many languages there are."""
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    chrome = chrome_for(request)
    if chrome is not None and chrome.ancestors(page, inclusive=True) is not None:
        found = chrome.versions(page)
        versions = [found[code] for code in sorted(found)]
    else:
        versions = public(
            page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by("locale__language_code")
        )
    default_code = default_language()
    alternates = []
    default = None
    for version in versions:
        url = version.get_full_url(request)
        if not url:
            continue
        alternates.append({"lang_code": version.locale.language_code, "url": url})
        if version.locale.language_code == default_code:
            default = url
    if len(alternates) < 2:
        # A page in one language only has no alternates to announce.
        return []
    if default:
        alternates.append({"lang_code": "x-default", "url": default})
    return alternates


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: to this page's translation where it exists,
    otherwise to the nearest translated ancestor (flagged as a fallback)."""
    request = context.get("request")
    page = context.get("page")
    chrome = chrome_for(request)
    if chrome is not None and (
        not isinstance(page, Page) or chrome.ancestors(page, inclusive=True) is not None
    ):
        # From the pages the chrome query read: no query.
        return _language_links(
            page, request, lambda code: _version_from_chrome(chrome, page, code)
        )
    site_locales = locales(request)
    return _language_links(
        page,
        request,
        lambda code: _translation_or_ancestor(page, site_locales[code]),
        linked=site_locales,
    )


def _language_links(page, request, find, linked=None):
    """The links of ``language_links``. ``find(code)`` answers (the page in
    that language or None, whether it is an ancestor's); a language not in
    ``linked`` (where given) gets no address."""
    current = current_language()
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "current": code == current}
        if code == current or (linked is not None and code not in linked):
            links.append(link)
            continue
        target, fallback = find(code)
        if target is not None:
            link["url"] = target.get_url(request)
        elif not isinstance(page, Page) and _is_django_view(request):
            # A view of its own (search): the same view and query, other
            # language; nothing is missing, so no "not translated" note.
            link["url"] = _view_in_language(request, code)
            fallback = False
        else:
            link["url"] = "/" if code == default_language() else f"/{code}/"
            fallback = isinstance(page, Page) and page.depth > 2
        link["fallback"] = fallback
        if link["url"]:
            links.append(link)
    return links


def _version_from_chrome(chrome, page, code):
    if not isinstance(page, Page):
        return None, True
    chain = chrome.ancestors(page, inclusive=True)
    for index, candidate in enumerate(reversed(chain)):
        version = chrome.versions(candidate).get(code)
        if version is not None:
            return version, index > 0
    return None, True


def _view_in_language(request, code):
    """The address of the requested Django view in language ``code``, with
    its query (/szukaj/ and /en/search/ are one translated path)."""
    return translate_url(request.get_full_path(), code)


def _is_django_view(request):
    """True for a URL of a Django view (not a Wagtail page, not a 404)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


def _translation_or_ancestor(page, locale):
    if not isinstance(page, Page):
        return None, False
    candidates = list(page.get_ancestors(inclusive=True).filter(depth__gte=2))
    candidates.reverse()
    keys = [candidate.translation_key for candidate in candidates]
    translations = {
        p.translation_key: p
        for p in public(
            Page.objects.filter(translation_key__in=keys, locale=locale).live()
        )
    }
    for index, candidate in enumerate(candidates):
        if candidate.translation_key in translations:
            return translations[candidate.translation_key], index > 0
    return None, True
