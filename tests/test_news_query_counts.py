"""News costs a fixed number of SQL queries per page and feed, the same with
5 items as with 100 (page cache off, fragments warm, as in
test_query_counts.py): no query per item."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage

from . import factories
from .test_query_counts import PL

pytestmark = pytest.mark.django_db

KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
# Feeds are not pages: the site, the locale, the news index (with the view
# restrictions over it), the items; a partnership's feed also reads its page
# (with the restrictions).
FEED = 5
EXPECTED = {
    "/": PL,  # no routing below the home page; its sections; news a fragment
    "/aktualnosci/": PL,  # the list, its filters and pages are a fragment
    "/aktualnosci/?partnership=marymont-kaskada": PL,
    "/aktualnosci/?year=2026&page=2": PL,
    "/aktualnosci/wiadomosc-0/": PL,  # image, partnerships: a fragment
    KASKADA: PL,  # its news and documents are in its fragment
    "/aktualnosci/rss.xml": FEED,
    "/aktualnosci/atom.xml": FEED,
    "/aktualnosci/marymont-kaskada/rss.xml": FEED + 2,
}


def queries(client, url):
    client.get(url)  # fragments and per-process caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_news(index, partnerships, start, stop):
    for number in range(start, stop):
        factories.news_item(
            index,
            f"Wiadomość {number}",
            slug=f"wiadomosc-{number}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            partnerships=partnerships[: number % 3],
            author="Redakcja",
        )


def test_news_pages_and_feeds_cost_the_same_at_5_and_100_items(client):
    site = factories.polish_site()
    index = factories.news_index(site.home)
    partnerships = [
        site.partnerships["marymont-kaskada"],
        site.partnerships["sady-zoliborskie"],
    ]
    add_news(index, partnerships, 0, 12)  # two pages of the list
    small = {url: queries(client, url) for url in EXPECTED}
    add_news(index, partnerships, 12, 100)
    assert NewsPage.objects.live().count() == 100
    large = {url: queries(client, url) for url in EXPECTED}
    assert small == EXPECTED
    assert large == EXPECTED
