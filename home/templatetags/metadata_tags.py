"""``{% page_metadata page %}``: the meta description, OpenGraph and Twitter
card tags and the JSON-LD of a page (home.structured_data)."""

from django import template
from django.templatetags.static import static
from django.utils.translation import get_language

from ..structured_data import (
    OG_LOCALES,
    as_script,
    description_for,
    structured_data_for,
)
from .navigation_tags import breadcrumbs, page_alternates

register = template.Library()

# The site's picture for link previews (1200 × 630).
DEFAULT_IMAGE = ("img/og-default.png", 1200, 630)


@register.inclusion_tag("includes/page_metadata.html", takes_context=True)
def page_metadata(context, page):
    request = context.get("request")
    language = get_language()
    path, width, height = DEFAULT_IMAGE
    alternates = [
        OG_LOCALES[a["lang_code"]]
        for a in page_alternates(context, page)
        if a["lang_code"] in OG_LOCALES and a["lang_code"] != language
    ]
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": description_for(page),
        "url": page.get_full_url(request),
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": alternates,
        "image": request.build_absolute_uri(static(path)) if request else "",
        "image_width": width,
        "image_height": height,
        "json_ld": as_script(
            structured_data_for(page, request, breadcrumbs(context, page))
        ),
    }
