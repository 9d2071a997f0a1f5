""" "This object in the visitor's language", in one place.

Every page shows things that exist once per language: the header text, the
legal pages, partner organisations, the home page of the visitor's language.
These helpers find the right version and remember what they found for the
rest of the request (``memoise``), so a page asks the database once for each,
however many templates and tags want it.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

_MEMO_ATTRIBUTE = "_zoliborz_memo"


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
    memo = request.__dict__.setdefault(_MEMO_ATTRIBUTE, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def locales(request=None):
    """Language code -> Locale for every language of the site (one query a
    request)."""
    return memoise(
        request,
        "locales",
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
    )


def in_language(queryset, language=None, request=None, key=None):
    """The first object of ``queryset`` in ``language`` (the visitor's by
    default), else the first in the default language, else None. With a
    request and a ``key``, remembered for the rest of the request."""
    language = language or current_language()

    codes = sorted({language, default_language()})

    def build(**codes):
        return (
            queryset.filter(locale__language_code__in=list(codes.values()))
            .select_related("locale")
            .order_by("pk")
        )

    def find():
        # One query for both languages, the wanted one first. With a key
        # (one queryset a key), its SQL is prepared (see run_prepared).
        values = {f"code_{index}": code for index, code in enumerate(codes)}
        if key is None:
            found = list(build(**values))
        else:
            from .chrome import run_prepared

            found = run_prepared(("in_language", key, len(codes)), build, **values)
        found.sort(key=lambda obj: obj.locale.language_code != language)
        return found[0] if found else None

    if key is None:
        return find()
    return memoise(request, (key, language), find)


def translated(obj, language=None):
    """The live version of ``obj`` (a page or a translatable snippet) in
    ``language`` (the visitor's by default), else ``obj`` itself."""
    language = language or current_language()
    if obj is None or obj.locale.language_code == language:
        return obj
    versions = obj.get_translations().filter(locale__language_code=language)
    if hasattr(obj, "live"):
        versions = versions.filter(live=True)
    return versions.first() or obj


def localize_many(objects, locale_id):
    """Return ``objects`` in order, each replaced by its translation into
    ``locale_id`` when a live one exists (one query for the whole list).

    ``.localized`` on each object would cost a query per object; listing pages
    must not grow in queries with their content.
    """
    from .chrome import run_prepared

    objects = list(objects)
    others = sorted(
        {obj.pk for obj in objects if obj is not None and obj.locale_id != locale_id}
    )
    if not others:
        return objects
    model = type(next(obj for obj in objects if obj is not None))

    def build(locale_id, **pks):
        # The objects' translation keys by a subquery on their ids: the
        # query is then prepared once for each number of objects.
        keys = model.objects.filter(pk__in=list(pks.values()))
        queryset = model.objects.filter(
            translation_key__in=keys.values("translation_key"), locale_id=locale_id
        )
        if hasattr(model, "live"):
            queryset = queryset.filter(live=True)
        return queryset

    found = run_prepared(
        ("localize_many", model._meta.label, len(others)),
        build,
        locale_id=locale_id,
        **{f"pk_{index}": pk for index, pk in enumerate(others)},
    )
    versions = {obj.translation_key: obj for obj in found}
    return [
        versions.get(obj.translation_key, obj) if obj is not None else None
        for obj in objects
    ]
