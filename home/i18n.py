""" "This object in the visitor's language", in one place: the header text,
the legal pages, partner organisations. ``memoise`` remembers what a request
found, so a page asks the database once for each, however many templates and
tags want it."""

from django.conf import settings
from django.utils import translation

MEMO_ATTRIBUTE = "zoliborz_memo"


def current_language():
    """The active language code ("pl", "en"), the default one outside a request."""
    return translation.get_language() or settings.LANGUAGE_CODE


def default_language():
    """The site's default language (Polish), served at unprefixed addresses."""
    return settings.LANGUAGE_CODE


def memoise(request, key, compute):
    """``compute()``, once per request and ``key``; every call without a
    request computes afresh."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault(MEMO_ATTRIBUTE, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def in_language(queryset, language=None, request=None, key=None):
    """The first object of ``queryset`` in ``language`` (the visitor's by
    default), else the first in the default language, else None. With a
    request and a ``key``, remembered for the rest of the request."""
    language = language or current_language()

    codes = {language, default_language()}

    def find():
        # One query for both languages, the wanted one first.
        found = list(
            queryset.filter(locale__language_code__in=codes)
            .select_related("locale")
            .order_by("pk")
        )
        found.sort(key=lambda obj: obj.locale.language_code != language)
        return found[0] if found else None

    if key is None:
        return find()
    return memoise(request, (key, language), find)


def localize_many(objects, locale_id):
    """Return ``objects`` in order, each replaced by its live translation into
    ``locale_id`` where one exists, in one query for the whole list."""
    objects = list(objects)
    others = [obj for obj in objects if obj is not None and obj.locale_id != locale_id]
    if not others:
        return objects
    model = type(others[0])
    versions = model.objects.filter(
        translation_key__in={obj.translation_key for obj in others},
        locale_id=locale_id,
    )
    if hasattr(model, "live"):
        versions = versions.filter(live=True)
    found = {obj.translation_key: obj for obj in versions}
    return [
        found.get(obj.translation_key, obj) if obj is not None else None
        for obj in objects
    ]
