"""The page create form's one-time token (site_settings/editorial/create_tokens.py)."""

from django import template
from django.utils.html import format_html

from site_settings.editorial.create_tokens import FIELD, issue

register = template.Library()


@register.simple_tag(takes_context=True)
def create_token_field(context):
    """A hidden input with the token this rendering of the form carries."""
    request = context["request"]
    token = issue(request, context["parent_page"])
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)
