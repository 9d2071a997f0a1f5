"""What machines read about a page: JSON-LD (schema.org), the meta
description and the OpenGraph / Twitter card tags.

JSON-LD comes from three places, gathered by ``structured_data_for``: the
page's own ``structured_data(request)`` method, if its model has one (a
partnership is an ``Organization``, an event an ``Event``), functions that
apps above the floor register under the ``STRUCTURED_DATA`` hook (the
library on the home page, from the settings), and the ``BreadcrumbList``
every page below the home page gets here."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

STRUCTURED_DATA = "structured_data"
SCHEMA = "https://schema.org"
DESCRIPTION_LENGTH = 160
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB"}


def structured_data_for(page, request, crumbs=()):
    """The JSON-LD objects of ``page``: its own, the registered hooks' (each
    ``hook(page, request)`` returns a list of dicts or None) and a
    BreadcrumbList of ``crumbs`` (the live ancestors from the top)."""
    items = []
    own = getattr(page, "structured_data", None)
    if callable(own):
        items.extend(own(request) or [])
    for hook in hooks.get_hooks(STRUCTURED_DATA):
        items.extend(hook(page, request) or [])
    if crumbs:
        items.append(breadcrumb_list([*crumbs, page], request))
    for item in items:
        item.setdefault("@context", SCHEMA)
    return items


def breadcrumb_list(pages, request):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": _("Home") if crumb.depth == 2 else crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(pages, start=1)
        ],
    }


def as_script(items):
    """``<script type="application/ld+json">`` with ``items``; "<", ">" and
    "&" escaped so no text can end the element. A data block, not a script:
    the Content-Security-Policy does not apply to it."""
    if not items:
        return ""
    data = items[0] if len(items) == 1 else items
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def plain_text(value):
    """The text of a string, or of a StreamField's paragraphs, in one line
    (no block is rendered: nothing is read from the database)."""
    if isinstance(value, StreamValue):
        value = " ".join(
            child.value.source
            for child in value
            if child.block_type == "paragraph" and isinstance(child.value, RichText)
        )
    if not isinstance(value, str):
        return ""
    return " ".join(strip_tags(value).split())


def description_for(page):
    """What a search engine shows under the title: the description a
    librarian wrote (Promotion tab), else the page's own summary
    (``meta_description``), its introduction or the start of its text,
    else the site's description."""
    for value in (
        getattr(page, "search_description", ""),
        getattr(page, "meta_description", ""),
        getattr(page, "intro", ""),
        getattr(page, "body", ""),
    ):
        text = plain_text(value)
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return _(
        "The Public Library of the Żoliborz District of Warsaw and its local "
        "partnerships: who works with whom in Żoliborz and how to join in."
    )
