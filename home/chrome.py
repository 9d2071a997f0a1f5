"""The page a request asks for and everything the chrome around it shows,
found in one query.

Every public page shows more pages than itself: its breadcrumbs, the home
page and the main menu, its versions in the other language (switcher and
hreflang), the legal pages of the footer. Wagtail finds each of them with
queries of its own (routing alone costs two per level of the address, and
every ``.public()`` one more), so a page cost 30–45 queries before it showed
its own content. Here one query reads

- the requested page and its ancestors in the active language, matched by
  their addresses (``url_path``), with every translation of each;
- the top-level pages that may appear in the menu;
- the pages other apps register with ``register_chrome_pages`` (the
  accessibility statement, the privacy notice chosen in the settings),

each annotated with whether a view restriction covers it, and with its
locale. Wagtail's own routing is used unchanged whenever this cannot answer
for certain (a page with a ``route`` of its own, a missing or unpublished
page, a site whose home pages are not at the top of the tree): those
requests only cost more queries, never another answer.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.lookups import StartsWith
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath
from wagtail.url_routing import RouteResult

from .i18n import current_language, default_language

HOME_DEPTH = 2
_REQUEST_ATTRIBUTE = "_zoliborz_chrome"
_extra_pages = []


def register_chrome_pages(build_q):
    """Add pages to the chrome query: ``build_q(site)`` returns a ``Q`` of
    pages (any language) that every page shows, e.g. a footer link. Called
    from an app's ``ready()`` so the floor need not import that app."""
    _extra_pages.append(build_q)


def restricted():
    """True where a view restriction covers the page (on it or an ancestor):
    Wagtail's ``.public()`` as part of the same query, where Wagtail spends
    one query of its own on every call."""
    return Exists(
        PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
    )


def public(queryset):
    """``queryset`` without the pages a view restriction covers."""
    return queryset.filter(~restricted())


@dataclass
class Chrome:
    """The pages the chrome of one request shows (see the module docstring)."""

    site: Site
    language: str
    home: Page | None
    pages: list = field(default_factory=list)
    target: Page | None = None

    def versions(self, page):
        """Live, public versions of ``page`` by language code (itself included)."""
        return {
            row.locale.language_code: row
            for row in self.pages
            if row.translation_key == page.translation_key
            and row.live
            and not row.private
        }

    def ancestors(self, page, inclusive=False):
        """Ancestors of ``page`` below the tree root, from the top (the
        home page) down, as far as this request read them."""
        found = {row.path: row for row in self.pages}
        depths = range(HOME_DEPTH, page.depth + (1 if inclusive else 0))
        step = Page.steplen
        chain = [found.get(page.path[: step * depth]) for depth in depths]
        return None if None in chain else chain

    def menu(self):
        """The home page's live, public children shown in menus, in tree order."""
        if self.home is None:
            return []
        return [
            row
            for row in self.pages
            if row.depth == HOME_DEPTH + 1
            and row.path.startswith(self.home.path)
            and row.show_in_menus
            and row.live
            and not row.private
        ]

    def in_language(self, pages, language=None):
        """The first of ``pages`` in ``language`` (the visitor's by default),
        else in the default language, else None."""
        language = language or self.language
        for code in (language, default_language()):
            for page in pages:
                if page.locale.language_code == code:
                    return page
        return None

    def site_root_paths(self):
        """What ``Site.get_site_root_paths()`` answers for this site, from the
        home pages already read (every translation of the site's root)."""
        root = next(
            (row for row in self.pages if row.pk == self.site.root_page_id), None
        )
        if root is None:
            return None
        homes = [
            row for row in self.pages if row.translation_key == root.translation_key
        ]
        homes.sort(key=lambda row: row.url_path, reverse=True)
        return [
            SiteRootPath(
                self.site.id,
                home.url_path,
                self.site.root_url,
                home.locale.language_code,
            )
            for home in homes
        ]


def _read(site, components, language):
    """One query: the pages of the chrome (see the module docstring)."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    chain = Q(translation_key__in=Subquery(root_key))
    suffix = ""
    for depth, component in enumerate(components, start=HOME_DEPTH + 1):
        suffix += f"{component}/"
        chain |= Q(
            depth=depth,
            url_path__endswith=f"/{suffix}",
            locale__language_code=language,
        )
    wanted = Q(
        translation_key__in=Subquery(
            Page.objects.filter(chain).values("translation_key")
        )
    )
    wanted |= Q(depth=HOME_DEPTH + 1, show_in_menus=True, live=True)
    for build_q in _extra_pages:
        wanted |= build_q(site)
    return list(
        Page.objects.filter(wanted)
        .select_related("locale")
        .annotate(private=restricted())
        .order_by("path")
    )


def _build(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = current_language()
    components = [component for component in path.split("/") if component]
    pages = _read(site, components, language)
    by_pk = {row.pk: row for row in pages}
    root = by_pk.get(site.root_page_id)
    if root is None or root.depth != HOME_DEPTH:
        return None
    home = next(
        (
            row
            for row in pages
            if row.translation_key == root.translation_key
            and row.locale.language_code == language
            and row.live
        ),
        root,
    )
    chrome = Chrome(site=site, language=language, home=home, pages=pages)
    # Wagtail reads the site's root paths (to make each link) from the
    # request or the page, or else from the cache or two queries.
    request._wagtail_cached_site_root_paths = chrome.site_root_paths()
    for row in pages:
        row._wagtail_cached_site_root_paths = request._wagtail_cached_site_root_paths
    chrome.target = _route(chrome, home, components)
    return chrome


def _route(chrome, home, components):
    """The live page at ``components`` under ``home``, or None where
    Wagtail's own routing must decide."""
    current = home
    for component in components:
        if (
            current.specific_class is None
            or current.specific_class.route is not Page.route
        ):
            return None
        current = next(
            (
                row
                for row in chrome.pages
                if row.depth == current.depth + 1
                and row.path.startswith(current.path)
                and row.slug == component
            ),
            None,
        )
        if current is None:
            return None
    if not current.live or current.specific_class is None:
        return None
    if current.specific_class.route is not Page.route and not issubclass(
        current.specific_class, RoutablePageMixin
    ):
        return None
    # A routable page at its own address serves its "" route (see
    # PageRouteMiddleware); its sub-routes have components left over and
    # went to Wagtail's routing above.
    return current


def chrome_for(request, path=""):
    """The chrome of ``request`` (built once; ``path`` is the page's address
    below the home page, as Wagtail's serve view gets it)."""
    if request is None:
        return None
    if not hasattr(request, _REQUEST_ATTRIBUTE):
        setattr(request, _REQUEST_ATTRIBUTE, _build(request, path))
    return getattr(request, _REQUEST_ATTRIBUTE)


class PageRouteMiddleware:
    """Routes requests for Wagtail pages through the chrome query (see the
    module docstring): the page itself then costs one more query (its
    specific fields), and Wagtail's view-restriction check none where no
    restriction covers the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is not serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        chrome = chrome_for(request, path)
        if chrome is None or chrome.target is None:
            return None
        row = chrome.target
        page = row.specific
        page.private = row.private
        page.locale = row.locale
        page._wagtail_cached_site_root_paths = row._wagtail_cached_site_root_paths
        chain = chrome.ancestors(row, inclusive=True)
        if chain and not row.private and all(r.alias_of_id is None for r in chain):
            # The query above already asked whether a restriction covers the
            # page (no alias involved): Wagtail's check need not ask again.
            page.get_view_restrictions = PageViewRestriction.objects.none
        chrome.target = page
        if isinstance(page, RoutablePageMixin):
            # What RoutablePageMixin.route answers for the page's own address.
            resolver_match = page.resolve_subpage("/")
            request.routable_resolver_match = resolver_match
            view, args, kwargs = resolver_match
            request._wagtail_route_for_request = RouteResult(
                page, args=(view, args, kwargs)
            )
        else:
            request._wagtail_route_for_request = RouteResult(page)
        return None
