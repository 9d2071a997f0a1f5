"""What news adds to pages below it: the latest items on the home page and
on each partnership's page (home.sections), and the feeds their heads link."""

from functools import cached_property

from wagtail import hooks

from cooperation.models import PartnershipPage
from home.models import HomePage
from home.sections import PAGE_FEEDS, PAGE_SECTIONS, Section

from .links import news_feeds
from .models import NewsIndexPage, NewsPage

LATEST = 3


class LatestNews:
    """The newest live items of a page's language, or those concerning a
    partnership (the rows name its Polish page). Read when the template
    asks, so a kept fragment costs no query."""

    def __init__(self, page):
        self.page = page
        self.partnership = page if isinstance(page, PartnershipPage) else None

    @cached_property
    def items(self):
        news = NewsPage.objects.live().public().filter(locale_id=self.page.locale_id)
        if self.partnership is not None:
            news = news.filter(
                partnership_rows__partnership__translation_key=(
                    self.partnership.translation_key
                )
            ).distinct()
        return list(news.order_by("-date", "-pk")[:LATEST])

    @cached_property
    def index(self):
        return (
            NewsIndexPage.objects.live().filter(locale_id=self.page.locale_id).first()
        )

    @cached_property
    def feeds(self):
        return news_feeds(self.partnership.slug if self.partnership else None)


@hooks.register(PAGE_SECTIONS)
def news_section(page, request):
    if not isinstance(page, HomePage | PartnershipPage):
        return None
    return Section(
        "news/includes/latest_news.html", {"latest": LatestNews(page)}, order=20
    )


@hooks.register(PAGE_FEEDS)
def news_feed_links(page, request):
    if isinstance(page, PartnershipPage):
        return news_feeds(page.slug)
    if isinstance(page, HomePage | NewsIndexPage | NewsPage):
        return news_feeds()
    return []
