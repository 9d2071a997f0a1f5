"""Suggestions for the 404 page: where a visitor who followed a broken or
untranslated address may have meant to go, in the visitor's language."""

import re

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from .i18n import current_language

LANGUAGE_LIKE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)?$", re.IGNORECASE)


def split_language_prefix(path):
    """("en", ["cooperation", "x"]) for "/en/cooperation/x/"; the default
    language and every part when the first part is no site language."""
    parts = [part for part in path.split("/") if part]
    codes = {code for code, _name in settings.LANGUAGES}
    if parts and parts[0] in codes and parts[0] != settings.LANGUAGE_CODE:
        return parts[0], parts[1:]
    return settings.LANGUAGE_CODE, parts


def not_found_suggestions(request):
    """Where a visitor who followed a broken address may have meant to go.

    - ``suggestions``: pages at this very address in any language (someone put
      /en/ before a Polish address, or the page is not translated yet), or at
      the address without an unknown language prefix (/de/wspolpraca/), each
      with its version in the visitor's language first when there is one;
    - ``nearest``: the closest existing page above the address in the
      visitor's language.

    A fixed number of queries whatever the address."""
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return {}
    language = current_language()
    _prefix, parts = split_language_prefix(request.path)
    parts = parts[:12]
    variants = [parts]
    if len(parts) > 1 and LANGUAGE_LIKE.match(parts[0]):
        variants.append(parts[1:])
    homes = list(
        site.root_page.get_translations(inclusive=True).select_related("locale")
    )
    # url_path -> (the variant it was built from, how many of its parts)
    candidates = {}
    for variant in variants:
        for home in homes:
            for length in range(len(variant), 0, -1):
                url_path = home.url_path + "".join(
                    f"{part}/" for part in variant[:length]
                )
                candidates.setdefault(url_path, (tuple(variant), length))
    found = list(
        Page.objects.filter(url_path__in=candidates)
        .live()
        .public()
        .select_related("locale")
    )
    exact = []
    deepest = None
    for page in found:
        variant, length = candidates[page.url_path]
        if length == len(variant):
            exact.append(page)
        elif deepest is None or length > candidates[deepest.url_path][1]:
            deepest = page
    if not exact and deepest is not None:
        # The address mixes languages (an English section, then a Polish
        # slug, or the other way round): follow the rest of the address from
        # the deepest page found, in its other languages.
        variant, length = candidates[deepest.url_path]
        rest = "".join(f"{part}/" for part in variant[length:])
        exact = list(
            Page.objects.filter(
                url_path__in=[
                    version.url_path + rest
                    for version in deepest.get_translations().only("url_path")
                ]
            )
            .live()
            .public()
        )
    nearest = max(
        (
            page
            for page in found
            if page.locale.language_code == language and page not in exact
        ),
        key=lambda page: page.depth,
        default=None,
    )
    suggestions = []
    if exact:
        versions = (
            Page.objects.filter(
                translation_key__in={page.translation_key for page in exact}
            )
            .live()
            .public()
            .select_related("locale")
        )
        versions = sorted(
            versions,
            key=lambda page: (page.locale.language_code != language, page.path),
        )
        for page in versions:
            suggestions.append(
                {
                    "page": page,
                    "language": page.locale.language_code,
                    "language_name": translation.get_language_info(
                        page.locale.language_code
                    )["name_translated"],
                }
            )
    return {"suggestions": suggestions, "nearest": nearest}
