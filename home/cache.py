"""Whole responses for anonymous visitors: Django's cache middleware on the
"pages" cache alias, never for a librarian, never past a change.

Any change a public page can show clears the whole alias (connect_signals);
browsers and proxies revalidate every page with its ETag. The path of a
publish is told in docs/architecture.md.
"""

import logging
import urllib.request
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.middleware import cache as stock
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)
MAX_QUERY_STRING = 300  # longer is not a visitor's query
EPOCH = "epoch"  # gone after a clear: a render begun before it is not kept
# Apps whose every model a public page may show; pages themselves clear on
# publish, unpublish, move, slug change and delete (a draft saved does not).
PURGING_APPS = {"cooperation", "site_settings", "home"}
PURGING_MODELS = {
    "wagtailimages.image",  # not its renditions, which pages make as they render
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailredirects.redirect",
}


def anonymous(request):
    cookies = request.COOKIES
    return (
        settings.CACHE_MIDDLEWARE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in cookies
        and settings.CSRF_COOKIE_NAME not in cookies
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
    )


def keepable(response):
    control = response.get("Cache-Control", "")
    policy = response.get("Content-Security-Policy", "") + response.get(
        "Content-Security-Policy-Report-Only", ""
    )
    return not (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or any(word in control for word in ("private", "no-cache", "no-store"))
        or "'nonce-" in policy
    )


def revalidated(response):
    """Only this cache keeps a page: browsers and proxies ask again (ETag)."""
    del response["Expires"]
    patch_cache_control(response, max_age=0, no_cache=True)
    return response


class FetchFromCacheMiddleware(stock.FetchFromCacheMiddleware):
    """Right after WhiteNoise: an anonymous GET or HEAD from the cache, with
    a 304 where the visitor's copy is current."""

    def process_request(self, request):
        if not anonymous(request):
            return None  # nor is its response kept: no epoch
        # The language is part of Django's key. LocaleMiddleware, further in,
        # takes it the same way: the address's prefix, else the default.
        request.LANGUAGE_CODE = (
            get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        )
        try:
            response = super().process_request(request)
            if response is None:
                request.page_cache_epoch = self.cache.get_or_set(
                    EPOCH, uuid.uuid4().hex, None
                )
                return None
        except Exception as error:  # the backend's own connection errors
            logger.warning("Page cache unavailable: %s", error)
            return None
        conditional = get_conditional_response(request, etag=response.get("ETag"))
        if conditional is not None:
            return conditional
        response["X-Cache"] = "hit"
        return revalidated(response)


class UpdateCacheMiddleware(stock.UpdateCacheMiddleware):
    """First in MIDDLEWARE: keeps the response as it leaves the site."""

    def process_response(self, request, response):
        epoch = getattr(request, "page_cache_epoch", None)
        if epoch is None or not keepable(response):
            return response
        try:
            if self.cache.get(EPOCH) == epoch:
                response = super().process_response(request, response)
        except Exception as error:
            logger.warning("Page cache unavailable: %s", error)
        return revalidated(response)


def clear(**_kwargs):
    """Forget every kept page: now, and again when the transaction commits
    (a page rendered from the old rows meanwhile is not kept: epoch); then
    Varnish's copies too."""
    clear_now()
    transaction.on_commit(clear_now)
    transaction.on_commit(ban_proxy_copies)


def ban_proxy_copies():
    """Varnish keeps the last copy of each page for when no server answers
    (config/varnish/default.vcl); a BAN to each VARNISH_URLS forgets them
    all, under every host name. A Varnish that does not answer is logged."""
    for url in settings.VARNISH_URLS:
        request = urllib.request.Request(url, method="BAN")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310
                pass
        except OSError as error:
            logger.warning("Varnish's copies of pages not banned (%s): %s", url, error)


def clear_now():
    try:
        caches[settings.CACHE_MIDDLEWARE_ALIAS].clear()
    except Exception as error:  # kept pages expire on their own
        logger.warning("Page cache not cleared: %s", error)


# What an image records about its own file the first time a page shows it:
# nothing a visitor sees changes.
IMAGE_BOOKKEEPING = {"file_size", "file_hash"}


def clear_for_model(sender, instance=None, signal=None, update_fields=None, **_):
    from django.db.models.signals import post_delete
    from wagtail.models import Page

    if isinstance(instance, Page):
        shown = signal is post_delete  # a saved draft changes no public page
    elif update_fields and set(update_fields) <= IMAGE_BOOKKEEPING:
        shown = False
    else:
        meta = sender._meta
        shown = meta.app_label in PURGING_APPS or meta.label_lower in PURGING_MODELS
    if shown:
        clear()


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail import signals

    signals.page_published.connect(clear)
    signals.page_unpublished.connect(clear)
    signals.post_page_move.connect(clear)
    signals.page_slug_changed.connect(clear)
    post_save.connect(clear_for_model)
    post_delete.connect(clear_for_model)
