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

Building and compiling that query cost more CPU than running it (issue 14:
about 6 ms of a 25 ms page, against 0.6 ms in SQLite), so its SQL is
compiled once per shape and reused with each request's values
(``run_prepared``); so is the site's lookup, which Wagtail compiles afresh
on every request.
"""

import copy
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import connections
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.lookups import StartsWith
from django.db.models.query import (
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.signals import post_migrate
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)
from wagtail.url_routing import RouteResult

from .i18n import current_language, default_language

HOME_DEPTH = 2
_REQUEST_ATTRIBUTE = "_zoliborz_chrome"
_extra_pages = []


_prepared = {}


def run_prepared(shape, build, **values):
    """``list(build(**values))``: the model instances (or, for
    ``values_list()``, the tuples) of the queryset that ``build`` makes,
    with its SQL compiled once per ``shape`` and process.

    ``build`` must make the same query for the same ``shape`` whatever the
    values (strings and integers: each becomes a parameter of the SQL).
    It is called once with stand-ins for the values; where a stand-in does
    not come out as a plain parameter (or the ``LIKE`` pattern of one), the
    query is built afresh on every call, as without this function. The
    database, the row converters and the model instances are Django's own;
    only the building and compiling are skipped."""
    prepared = _prepared.get(shape)
    if prepared is None:
        prepared = _prepared[shape] = _Prepared.compile(build, values)
    if prepared is _NOT_PREPARABLE:
        return list(build(**values))
    return prepared.run(values)


_NOT_PREPARABLE = object()
# Below 2**31 - 1 with room for a few thousand values, and unlike any id a
# small site's rows reach.
_INT_STAND_IN = 2_147_480_000


def _forget_prepared(**_kwargs):
    """Content types, and so the ids compiled into the SQL, may change
    when the database is migrated or flushed (tests)."""
    _prepared.clear()


post_migrate.connect(_forget_prepared, dispatch_uid="home.chrome.forget_prepared")


class _Prepared:
    """The compiled SQL of a queryset and where each value goes in it."""

    def __init__(self, sql, slots, compiler, alias, tuples):
        self.sql = sql
        self.slots = slots
        self.compiler = compiler
        self.alias = alias
        self.tuples = tuples
        if tuples:
            return
        klass_info = compiler.klass_info
        select_fields = klass_info["select_fields"]
        self.model = klass_info["model"]
        self.start, self.end = select_fields[0], select_fields[-1] + 1
        self.init_list = [
            column[0].target.attname
            for column in compiler.select[self.start : self.end]
        ]

    @classmethod
    def compile(cls, build, values):
        stand_ins = {}
        for number, (name, value) in enumerate(values.items()):
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                return _NOT_PREPARABLE
            # "_" so that a stand-in escaped for LIKE is told from a plain one.
            # Integers within every integer column's range (PostgreSQL's
            # integer is 32 bits): a value out of a field's range is compiled
            # away by Django (the condition dropped, not an error).
            stand_ins[name] = (
                f"\x1eprepared_{number}\x1e"
                if isinstance(value, str)
                else _INT_STAND_IN + number
            )
        try:
            queryset = build(**stand_ins)
        except (TypeError, ValueError, ValidationError):
            # A field that refuses the stand-in (a UUID, a date...).
            return _NOT_PREPARABLE
        if (
            queryset._iterable_class not in (ModelIterable, ValuesListIterable)
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
        ):
            return _NOT_PREPARABLE
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet):
            return _NOT_PREPARABLE
        escape = compiler.connection.ops.prep_for_like_query
        slots = []
        for param in params:
            slot = cls._slot(param, stand_ins, escape)
            if slot is None:
                return _NOT_PREPARABLE
            slots.append(slot)
        if any(str(stand_in) in sql for stand_in in stand_ins.values()):
            return _NOT_PREPARABLE
        # Every value must be a parameter of the SQL: one that is not was
        # dropped (out of a field's range, an empty IN) or never used, and
        # the SQL would answer without it.
        if {slot[1] for slot in slots if slot[0] != "constant"} != set(stand_ins):
            return _NOT_PREPARABLE
        tuples = queryset._iterable_class is ValuesListIterable
        return cls(sql, slots, compiler, queryset.db, tuples)

    @staticmethod
    def _slot(param, stand_ins, escape):
        """("value", name, kind), ("like", name, before, after): the value
        escaped for LIKE (startswith, endswith, contains; iexact on SQLite),
        or ("constant", param); None where a stand-in was changed otherwise.
        ``kind`` is the parameter's own type: with psycopg 3 Django passes an
        integer as ``Int4`` or ``Int8`` (subclasses of int), which the value
        is given again."""
        for name, stand_in in stand_ins.items():
            if isinstance(stand_in, str):
                same = type(param) is str and param == stand_in
            else:
                same = (
                    isinstance(param, int)
                    and not isinstance(param, bool)
                    and int(param) == stand_in
                )
            if same:
                return ("value", name, type(param))
            if isinstance(stand_in, str) and isinstance(param, str):
                escaped = escape(stand_in)
                if escaped in param:
                    before, _, after = param.partition(escaped)
                    if before in ("", "%") and after in ("", "%"):
                        return ("like", name, before, after)
                    return None
            if str(stand_in) in str(param):
                # Converted on the way (an integer compared as text).
                return None
        return ("constant", param)

    def run(self, values):
        connection = connections[self.alias]
        params = []
        for kind, *rest in self.slots:
            if kind == "constant":
                params.append(rest[0])
            elif kind == "value":
                name, value_type = rest
                value = values[name]
                params.append(value if type(value) is value_type else value_type(value))
            else:
                name, before, after = rest
                pattern = connection.ops.prep_for_like_query(values[name])
                params.append(f"{before}{pattern}{after}")
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        if self.tuples:
            return list(compiler.results_iter([rows], tuple_expected=True))
        populators = get_related_populators(
            compiler.klass_info, compiler.select, self.alias
        )
        annotations = compiler.annotation_col_map.items()
        found = []
        for row in compiler.results_iter([rows]):
            obj = self.model.from_db(
                self.alias, self.init_list, row[self.start : self.end]
            )
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found


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
    suffixes = {}
    suffix = ""
    for depth, component in enumerate(components, start=HOME_DEPTH + 1):
        suffix += f"{component}/"
        suffixes[f"suffix_{depth}"] = f"/{suffix}"
    shape = ("chrome", site.pk, site.root_page_id, len(components), len(_extra_pages))
    # The language matters only below the home page (the address's pages).
    values = {"language": language, **suffixes} if suffixes else {}
    return run_prepared(shape, lambda **values: _query(site, **values), **values)


def _query(site, language=None, **suffixes):
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    chain = Q(translation_key__in=Subquery(root_key))
    for name, suffix in suffixes.items():
        chain |= Q(
            depth=int(name.removeprefix("suffix_")),
            url_path__endswith=suffix,
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
    return (
        Page.objects.filter(wanted)
        .select_related("locale")
        .annotate(private=restricted())
        .order_by("path")
    )


def find_site(request):
    """``Site.find_for_request(request)``, with Wagtail's query and choice
    (``wagtail.models.sites.get_site_for_hostname``) but the query prepared
    (``run_prepared``); remembered where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())
        except ValueError:
            return Site.find_for_request(request)
        sites = run_prepared(("site",), _sites, hostname=hostname, port=port)
        request._wagtail_site = _best_site(sites)
    return request._wagtail_site


def _sites(hostname, port):
    return (
        Site.objects.annotate(
            match=Case(
                When(hostname=hostname, port=port, then=MATCH_HOSTNAME_PORT),
                When(
                    hostname=hostname, is_default_site=True, then=MATCH_HOSTNAME_DEFAULT
                ),
                When(is_default_site=True, then=MATCH_DEFAULT),
                default=MATCH_HOSTNAME,
                output_field=IntegerField(),
            )
        )
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by("match")
        .select_related("root_page")
    )


def _best_site(sites):
    if not sites:
        return None
    if len(sites) == 1 or sites[0].match in (
        MATCH_HOSTNAME_PORT,
        MATCH_HOSTNAME_DEFAULT,
    ):
        return sites[0]
    if sites[0].match == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


def _build(request, path):
    site = find_site(request)
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


def _specific(row):
    """``row.specific`` (Wagtail's ``get_specific``), its query prepared."""
    model = row.specific_class
    if model is None or isinstance(row, model):
        return row.specific
    found = run_prepared(
        ("specific", model._meta.label),
        lambda pk: model._default_manager.filter(id=pk),
        pk=row.pk,
    )
    if len(found) != 1:
        return row.specific
    page = found[0]
    for name, value in row.__dict__.items():
        page.__dict__.setdefault(name, value)
    row.__dict__["specific"] = page
    return page


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
        page = _specific(row)
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
