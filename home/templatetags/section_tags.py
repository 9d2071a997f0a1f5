"""``{% page_sections page %}``: the sections later areas add to a page
and ``{% page_feeds page %}``: the feeds it links in its head (home.sections)."""

import datetime

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..sections import feeds_for, sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    request = context.get("request")
    parts = []
    for section in sections_for(page, request):
        values = {"page": page, "request": request, **section.context}
        parts.append(render_to_string(section.template, values, request=request))
    return mark_safe("".join(parts))  # noqa: S308 - rendered templates


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def page_feeds(context, page):
    request = context.get("request")
    return {"feeds": feeds_for(page, request) if page else []}


# A publish within this time of the first is the same publication.
SAME_PUBLICATION = datetime.timedelta(minutes=1)


@register.inclusion_tag("includes/page_dates.html")
def page_dates(page):
    """Metryczka: when a live page was first published and last updated."""
    published = getattr(page, "first_published_at", None)
    if not published or not getattr(page, "live", False):
        return {}
    updated = page.last_published_at
    if updated and updated - published < SAME_PUBLICATION:
        updated = None
    return {"published": published, "updated": updated}
