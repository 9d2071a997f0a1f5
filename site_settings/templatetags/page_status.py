"""The page status tag of the listings and the editor's header
(templates/wagtailadmin/shared/page_status_tag*.html)."""

from django import template

from site_settings.admin_ui.page_status import page_status as status_of

register = template.Library()


@register.simple_tag
def page_status(page):
    return status_of(page)
