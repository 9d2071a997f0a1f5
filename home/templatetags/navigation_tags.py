"""Page chrome: breadcrumbs, the main menu, hreflang alternates and the
language switcher, read through Wagtail's page API (a page's ancestors and
their translations once a request)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page, Site

from ..i18n import current_language, default_language, memoise

register = template.Library()


def _family(request, page):
    """``page``, its ancestors below the tree root and their public
    translations: {"chain": the page's own ancestors from the home page down,
    itself last; "versions": translation key -> language code -> the live
    version}. Two queries (three on a restricted page)."""

    def find():
        ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1)
        family = list(
            Page.objects.public()
            .filter(translation_key__in=ancestors.values("translation_key"))
            .select_related("locale")
            .order_by("depth")
        )
        chain = [
            member
            for member in family
            if member.locale_id == page.locale_id and page.path.startswith(member.path)
        ]
        if page.pk not in {member.pk for member in chain}:
            # A restricted page, seen by someone it lets in.
            chain = list(ancestors)
        versions = {}
        for member in family:
            if member.live:
                versions.setdefault(member.translation_key, {})[
                    member.locale.language_code
                ] = member
        return {"chain": chain, "versions": versions}

    return memoise(request, ("page_family", page.pk), find)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The live ancestors of ``page`` below the site root, from the top."""
    if not isinstance(page, Page):
        return []
    chain = _family(context.get("request"), page)["chain"]
    return [crumb for crumb in chain if crumb.live and crumb.pk != page.pk]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page of the visitor's language and its top-level sections."""
    request = context.get("request")
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}

    def find():
        home = site.root_page.localized
        return {
            "home": home,
            "items": list(home.get_children().live().public().in_menu()),
            "request": request,
        }

    return memoise(request, ("main_navigation", current_language()), find)


@register.simple_tag(takes_context=True)
def menu_position(context):
    """What the header and footer mark as current, for their cache key: a
    top-level page (or the home page) itself, else the section it is in."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.url_path:
        return ""
    if page.depth <= 3:
        return f"page {page.url_path}"
    return "section " + "/".join(page.url_path.split("/")[:3])


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """The live, public versions of ``page`` in every language, for
    ``<link rel="alternate" hreflang>``, plus ``x-default``: the version in
    the default language (Polish), where visitors without a preference land."""
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    found = _family(request, page)["versions"].get(page.translation_key, {})
    alternates = []
    default = None
    for code in sorted(found):
        url = found[code].get_full_url(request)
        if not url:
            continue
        alternates.append({"lang_code": code, "url": url})
        if code == default_language():
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
    current = current_language()
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "current": code == current}
        if code == current:
            links.append(link)
            continue
        target, fallback = _translation_or_ancestor(request, page, code)
        if target is not None:
            link["url"] = target.get_url(request)
        elif not isinstance(page, Page) and _is_django_view(request):
            # A view of its own (search): the same view and query, other
            # language; nothing is missing, so no "not translated" note.
            link["url"] = translate_url(request.get_full_path(), code)
            fallback = False
        else:
            link["url"] = "/" if code == default_language() else f"/{code}/"
            fallback = isinstance(page, Page) and page.depth > 2
        link["fallback"] = fallback
        if link["url"]:
            links.append(link)
    return links


def _translation_or_ancestor(request, page, code):
    """(the page in language ``code``, or else its nearest ancestor that is;
    whether it is an ancestor's), or (None, True)."""
    if not isinstance(page, Page):
        return None, False
    family = _family(request, page)
    versions, chain = family["versions"], family["chain"]
    for index, ancestor in enumerate(reversed(chain)):
        version = versions.get(ancestor.translation_key, {}).get(code)
        if version is not None:
            return version, index > 0
    return None, True


def _is_django_view(request):
    """True for a URL of a Django view (not a Wagtail page, not a 404)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")
