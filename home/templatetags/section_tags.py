"""``{% page_sections page %}``: the sections later areas add to a page
(home.sections)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    request = context.get("request")
    parts = []
    for section in sections_for(page, request):
        values = {"page": page, "request": request, **section.context}
        parts.append(render_to_string(section.template, values, request=request))
    return mark_safe("".join(parts))  # noqa: S308 - rendered templates
