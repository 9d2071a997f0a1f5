"""Whole responses of public pages, kept for anonymous visitors, never stale.

What is kept: the full response (body and every header, so the security and
CSP headers come back unchanged) of a GET for a Wagtail page, the search page,
the sitemap and the open-data feeds, in Django's "default" cache (Redis in
production, local memory in development), for ``PAGE_CACHE_SECONDS``
(``DJANGO_PAGE_CACHE_SECONDS``; 0 switches it off).

What is never kept or served from the cache: a request carrying a session or
CSRF cookie (a librarian, or anyone who has logged in: they may see the user
bar, drafts or restricted pages), a request with a query parameter the page
does not know (a page that answers a query says which parameters it knows
with ``known_parameters``: search's ``query`` and ``page``, the street
finder's ``street``, the directory's ``sector`` and ``partnership``; each
query is then kept on its own, and never by a proxy in front, whose purge
cannot name every query), any method but GET and HEAD, any status but 200,
and any response that sets a cookie, carries a CSP nonce or says it must
not be cached (a restricted page).

Never stale, by a generation: every key includes the current value of one
counter in the cache, and any change that a public page can show moves the
counter on (see ``connect_signals``): publishing, unpublishing, moving or
deleting a page, saving a partner organisation, the settings or the footer
(which is also how translations arrive: wagtail-localize publishes pages
and saves snippets), a view restriction, a site, an image. Why one counter
for everything rather than a list of affected addresses: every page shows
others (menu, breadcrumbs, the language switcher, the footer's legal pages,
organisation names on partnerships, the directory's links), so the set of
pages that show an object is most of the site anyway, and an exact list
would be one more thing to keep right with every template change. The
library publishes a few times a day; the next request of each page after a
change renders afresh once. Old entries are never read again and expire.

The counter moves at once and again when the transaction commits, so a
request that read the old content while the change was being written cannot
store it under the new generation.

Conditional GET: every kept response has an ETag (set by Django's
ConditionalGetMiddleware before it is kept); a request whose If-None-Match
matches gets 304 from the cache as from the view.
"""

import contextlib
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import get_conditional_response, patch_cache_control

GENERATION_KEY = "page-cache:generation"
CACHED_VIEWS = {
    "wagtail_serve",
    "search",
    "sitemap",
    "api_partnerships",
    "api_organizations",
    "robots_txt",  # names the Site's address: a saved Site purges
}
# Apps whose every model a public page may show; pages themselves are
# handled by Wagtail's page signals (a draft saved does not purge).
PURGING_APPS = {"cooperation", "site_settings", "home", "wagtailimages"}
PURGING_MODELS = {
    ("wagtailcore", "site"),
    ("wagtailcore", "locale"),
    ("wagtailcore", "pageviewrestriction"),
    ("wagtailredirects", "redirect"),
}


logger = logging.getLogger(__name__)


class CacheUnavailable(Exception):
    """The shared cache (Redis) did not answer."""


def _cache(method, *args):
    """``cache.method(*args)``; a cache that does not answer (Redis down) is
    logged and raised as CacheUnavailable, so pages are served uncached
    rather than failing."""
    try:
        return getattr(cache, method)(*args)
    except Exception as error:  # the backend's own connection errors
        logger.warning("Page cache unavailable (%s): %s", method, error)
        raise CacheUnavailable from error


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation(key=GENERATION_KEY):
    """The current generation (of the page cache, or another ``key``); a new
    one where none is known."""
    value = _cache("get", key)
    if value is None:
        value = new_generation(key)
    return value


def new_generation(key=GENERATION_KEY):
    value = str(time.time_ns())
    _cache("set", key, value, None)
    return value


def renew(key=GENERATION_KEY):
    """A new generation, or (the cache down: logged) none; kept responses
    then expire after seconds() at the most."""
    with contextlib.suppress(CacheUnavailable):
        new_generation(key)


def purge(frontend=True, **_kwargs):
    """Forget every kept response (see the module docstring): now, and again
    when the current transaction commits; and in a proxy in front, if any
    (unless ``frontend`` is false). (Also with the page cache off: what else
    is kept by generation, such as the dashboard's translations panel, must
    not go stale.)"""
    renew()
    transaction.on_commit(renew)
    # After the generation moves on at commit: a proxy's miss right after
    # its purge must not find the response kept under the old one.
    if frontend and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(purge_frontend_cache)


def purge_frontend_cache():
    """Purge every address the page cache keeps from the proxy or CDN in
    front (wagtail.contrib.frontend_cache): each live page in each
    language, search, the sitemap, the feeds and robots.txt."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    root_urls = {site.root_url for site in Site.objects.all()}
    paths = [
        reverse("sitemap"),
        reverse("api_partnerships"),
        reverse("api_organizations"),
        reverse("robots_txt"),
    ]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    batch.add_urls(f"{root}{path}" for root in root_urls for path in paths)
    batch.purge()


# A query string is kept only when the page says it knows every parameter
# (``known_parameters``): a search, the street finder, the directory's
# filters. Anything longer is not a visitor's query.
MAX_QUERY_STRING = 300


def known_parameters(response, *names):
    """Say that ``response`` answers these query parameters (and no other
    changes it): the page cache may then keep it for its query too."""
    response.page_cache_parameters = frozenset(names)
    return response


def cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies
    )


def cacheable_response(request, response):
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CACHED_VIEWS:
        return False
    if request.method != "GET" or response.status_code != 200:
        return False
    if request.GET:
        known = getattr(response, "page_cache_parameters", frozenset())
        if not set(request.GET) <= known or any(
            len(values) > 1 for _name, values in request.GET.lists()
        ):
            return False
    if response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    policy = response.get("Content-Security-Policy", "") + response.get(
        "Content-Security-Policy-Report-Only", ""
    )
    return "'nonce-" not in policy


def _key(request, generation_value):
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else ""
    # Hashed: a path may hold any byte (NUL, spaces), which some cache
    # backends refuse in a key.
    query = sorted(request.GET.items())  # one order for the same query
    where = hashlib.sha256(
        f"{request.get_host()}{request.path}?{query}".encode()
    ).hexdigest()
    return f"page-cache:{generation_value}:{encoding}:{where}"


class PageCacheMiddleware:
    """Serves and keeps responses as the module docstring says. First in
    MIDDLEWARE, so what it keeps is the response as it leaves the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds() or not cacheable_request(request):
            return self.get_response(request)
        try:
            key = _key(request, generation())
            kept = _cache("get", key)
        except CacheUnavailable:
            return self.get_response(request)
        if kept is not None:
            conditional = get_conditional_response(request, etag=kept.get("ETag"))
            if conditional is not None:
                return conditional
            kept["X-Page-Cache"] = "hit"
            return kept
        response = self.get_response(request)
        if cacheable_response(request, response):
            # A proxy may keep the page, but not its queries: a purge names
            # addresses, and cannot name every query of each.
            if getattr(settings, "WAGTAILFRONTENDCACHE", None) and not request.GET:
                patch_cache_control(response, public=True, s_maxage=seconds())
            try:
                _cache("set", key, response, seconds())
            except CacheUnavailable:
                return response
            response["X-Page-Cache"] = "miss"
        return response


def _purge_for_page(sender, instance=None, **kwargs):
    purge()


def _purge_for_model(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        return  # pages purge on publish, unpublish, move, delete
    meta = sender._meta
    if (
        meta.app_label in PURGING_APPS
        or (meta.app_label, meta.model_name) in PURGING_MODELS
    ):
        # A migration's own (historical) model: the proxy is not purged,
        # since listing the pages to purge reads tables that the migrations
        # still to run have not made yet (`migrate` failed on an empty
        # database with DJANGO_FRONTEND_CACHE_URL set).
        purge(frontend=sender.__module__ != "__fake__")


def _purge_for_deleted(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge()
    else:
        _purge_for_model(sender, instance=instance)


def connect_signals():
    """Move the generation on whenever a public page could change."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    page_published.connect(_purge_for_page, dispatch_uid="page_cache_published")
    page_unpublished.connect(_purge_for_page, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_purge_for_page, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(_purge_for_page, dispatch_uid="page_cache_slug")
    post_save.connect(_purge_for_model, dispatch_uid="page_cache_saved")
    post_delete.connect(_purge_for_deleted, dispatch_uid="page_cache_deleted")
