"""The addresses of the news feeds, for the pages that link them."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from home.sections import Feed

RSS = "application/rss+xml"
ATOM = "application/atom+xml"


def news_feeds(partnership_slug=None):
    """The RSS and Atom feeds of all news, or of one partnership's, in the
    active language."""
    kwargs = {"partnership": partnership_slug} if partnership_slug else {}
    suffix = "_partnership" if partnership_slug else ""
    try:
        return [
            Feed(reverse(f"news_rss{suffix}", kwargs=kwargs), RSS, _("News (RSS)")),
            Feed(reverse(f"news_atom{suffix}", kwargs=kwargs), ATOM, _("News (Atom)")),
        ]
    except NoReverseMatch:  # a slug the address cannot hold
        return []
