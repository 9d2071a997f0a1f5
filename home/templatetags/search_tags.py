"""The address of the search results page in the visitor's language."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..views import SEARCH_URL_NAMES

register = template.Library()


@register.simple_tag
def search_url():
    """ "/szukaj/" in Polish, "/en/search/" in English."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return reverse(SEARCH_URL_NAMES.get(language, "search"))
