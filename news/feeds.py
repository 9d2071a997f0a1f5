"""RSS 2.0 and Atom feeds of the news, all of it or one partnership's, each
in the visitor's language (the address's prefix), with absolute addresses
from the Site record, as the sitemap has them. The page cache keeps them like
pages, and a publish clears them with everything else."""

import uuid
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cooperation.models import PartnershipPage
from home.i18n import current_language

from .models import NewsIndexPage

ITEMS = 20


class Source:
    """What one feed request is about: the news index of the language and,
    for a partnership's feed, its page."""

    def __init__(self, request, index, partnership=None):
        self.request = request
        self.index = index
        self.partnership = partnership
        self.index_url = index.get_full_url(request)
        origin = urlsplit(self.index_url)
        self.feed_url = f"{origin.scheme}://{origin.netloc}{request.path}"


class NewsRss(Feed):
    """The news as RSS 2.0: the newest items first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, partnership=None):
        locale = Locale.objects.filter(language_code=current_language()).first()
        index = NewsIndexPage.objects.live().public().filter(locale=locale).first()
        if index is None:
            raise Http404(_("There is no news page in this language."))
        page = None
        if partnership is not None:
            page = (
                PartnershipPage.objects.live()
                .public()
                .filter(locale=locale, slug=partnership)
                .first()
            )
            if page is None:
                raise Http404(_("There is no such partnership."))
        return Source(request, index, page)

    def title(self, source):
        if source.partnership:
            return _("News: %(partnership)s") % {
                "partnership": source.partnership.title
            }
        return source.index.title

    def link(self, source):
        if source.partnership:
            return source.partnership.get_full_url(source.request)
        return source.index_url

    def feed_url(self, source):
        return source.feed_url

    def description(self, source):
        if source.partnership:
            return _("News of the partnership %(partnership)s.") % {
                "partnership": source.partnership.title
            }
        return source.index.intro or source.index.title

    subtitle = description

    def items(self, source):
        news = source.index.news()
        if source.partnership:
            news = news.filter(
                partnership_rows__partnership__translation_key=(
                    source.partnership.translation_key
                )
            ).distinct()
        items = list(news[:ITEMS])
        language = current_language()
        for item in items:
            item.feed_link = item.get_full_url(source.request)
            # Stable across renames; the same item in another language is
            # another entry.
            item.guid = f"urn:uuid:{uuid.uuid5(item.translation_key, language)}"
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return item.author or None


class NewsAtom(NewsRss):
    """The same news as Atom 1.0."""

    feed_type = Atom1Feed


rss = NewsRss()
atom = NewsAtom()
