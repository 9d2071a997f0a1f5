"""The address of the search results page in the visitor's language."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def search_url():
    """ "/szukaj/" in Polish, "/en/search/" in English."""
    return reverse("search")
