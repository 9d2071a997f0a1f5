"""News (Aktualności): the index with its filters, an item's page, the
latest items on the home and partnership pages, the RSS and Atom feeds read
back by feedparser in both languages, and the metryczka on content pages."""

import calendar
import datetime

import feedparser
import pytest
from django.utils import timezone

from news.models import NewsIndexPage, NewsPage

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    """An index with five items: two of Marymont-Kaskada (one also of
    Sady Żoliborskie), one of 2025, the library's own."""
    index = factories.news_index(site_tree.home, intro="Co słychać w partnerstwach.")
    kaskada = site_tree.partnerships["marymont-kaskada"]
    sady = site_tree.partnerships["sady-zoliborskie"]
    items = {
        "piknik": factories.news_item(
            index,
            "Piknik sąsiedzki na Kaskadzie",
            date=datetime.date(2026, 6, 14),
            partnerships=[kaskada, sady],
            author="Anna Nowak, Biblioteka na Żoliborzu",
        ),
        "spotkanie": factories.news_item(
            index,
            "Spotkanie partnerstwa w listopadzie",
            date=datetime.date(2026, 11, 20),
            partnerships=[kaskada],
        ),
        "raport": factories.news_item(
            index, "Raport roczny 2025", date=datetime.date(2025, 12, 1)
        ),
        "biblioteka": factories.news_item(
            index, "Nowe godziny otwarcia", date=datetime.date(2026, 9, 1)
        ),
        "sady": factories.news_item(
            index,
            "Sady sprzątają park",
            date=datetime.date(2026, 4, 2),
            partnerships=[sady],
        ),
    }
    return index, items, kaskada, sady


def test_index_lists_news_newest_first_with_filters_as_links(client, news):
    index, items, kaskada, _sady = news
    html = client.get(index.url).content.decode()
    titles = [items[k].title for k in ("spotkanie", "biblioteka", "piknik", "sady")]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert html.index("Sady sprzątają park") < html.index("Raport roczny 2025")
    assert f'href="{index.url}?partnership={kaskada.slug}"' in html
    assert f'href="{index.url}?year=2025"' in html
    assert "(4)" in html  # four items of 2026


def test_filters_by_partnership_and_year_combine(client, news):
    index, items, kaskada, _sady = news
    html = client.get(index.url, {"partnership": kaskada.slug}).content.decode()
    assert items["spotkanie"].title in html and items["piknik"].title in html
    assert items["biblioteka"].title not in html
    html = client.get(
        index.url, {"partnership": kaskada.slug, "year": "2026"}
    ).content.decode()
    assert items["spotkanie"].title in html
    assert items["raport"].title not in html
    assert 'aria-current="true"' in html


@pytest.mark.parametrize(
    "params", [{"year": "1999"}, {"year": "abc"}, {"partnership": "nie-ma-takiego"}]
)
def test_unknown_filter_shows_everything_and_says_so(client, news, params):
    index, items, _kaskada, _sady = news
    response = client.get(index.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "message--warning" in html
    assert all(item.title in html for item in items.values())


def test_index_paginates_ten_an_address_each(client, site_tree):
    index = factories.news_index(site_tree.home)
    for number in range(23):
        factories.news_item(
            index, f"Wiadomość {number:02d}", date=datetime.date(2026, 1, 1 + number)
        )
    first = client.get(index.url).content.decode()
    assert "Wiadomość 22" in first and "Wiadomość 12" not in first
    assert f'href="{index.url}?page=2"' in first
    third = client.get(index.url, {"page": "3"}).content.decode()
    assert "Wiadomość 00" in third and "Wiadomość 03" not in third
    assert client.get(index.url, {"page": "x" * 50}).status_code == 200


def test_news_page_shows_date_author_lead_partnerships_and_dates(client, news):
    _index, items, kaskada, sady = news
    html = client.get(items["piknik"].url).content.decode()
    assert "<h1>Piknik sąsiedzki na Kaskadzie</h1>" in html
    assert '<time datetime="2026-06-14">' in html
    assert "Anna Nowak, Biblioteka na Żoliborzu" in html
    assert f'href="{kaskada.url}"' in html and f'href="{sady.url}"' in html
    assert 'class="page-dates"' in html


def test_image_needs_alternative_text(site_tree):
    page = NewsPage(title="Z obrazem", lead="Krótko.", image=factories.image())
    with pytest.raises(Exception) as error:
        page.full_clean(exclude=["path", "depth", "slug", "locale", "translation_key"])
    assert "image_alt" in str(error.value.message_dict)


def test_partnership_page_shows_its_latest_three(client, news, site_tree):
    index, items, kaskada, sady = news
    html = client.get(sady.url).content.decode()
    assert "Piknik sąsiedzki na Kaskadzie" in html
    assert "Sady sprzątają park" in html
    assert "Spotkanie partnerstwa w listopadzie" not in html
    assert f'href="{index.url}?partnership={sady.slug}"' in html
    factories.news_item(
        index, "Czwarta o Sadach", date=datetime.date(2026, 12, 1), partnerships=[sady]
    )
    factories.news_item(
        index, "Piąta o Sadach", date=datetime.date(2026, 12, 2), partnerships=[sady]
    )
    from django.core.cache import caches

    caches["pages"].clear()
    html = client.get(sady.url).content.decode()
    assert "Piąta o Sadach" in html and "Czwarta o Sadach" in html
    assert "Sady sprzątają park" not in html  # the fourth newest


def test_partnership_without_news_shows_no_news_section(client, news, site_tree):
    html = client.get(site_tree.partnerships["zoliborz-oficerski"].url).content.decode()
    assert "latest-news" not in html


def test_home_shows_the_latest_three(client, news):
    html = client.get("/").content.decode()
    for key in ("spotkanie", "biblioteka", "piknik"):
        assert news[1][key].title in html
    assert "Sady sprzątają park" not in html


def test_draft_and_unpublished_news_stay_out(client, news):
    index, items, kaskada, _sady = news
    items["spotkanie"].unpublish()
    for url in (index.url, kaskada.url, "/", "/aktualnosci/rss.xml"):
        assert "Spotkanie partnerstwa" not in client.get(url).content.decode(), url


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_with_absolute_links_guids_and_dates(client, news, kind):
    index, items, kaskada, _sady = news
    response, feed = parse(client, f"/aktualnosci/{kind}.xml")
    expected = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected)
    assert feed.feed.title == "Aktualności"
    assert feed.feed.language == "pl" if kind == "rss" else True
    assert feed.feed.link == index.full_url
    titles = [entry.title for entry in feed.entries]
    assert titles[:2] == [
        "Spotkanie partnerstwa w listopadzie",
        "Nowe godziny otwarcia",
    ]
    assert len(titles) == 5
    first = feed.entries[0]
    assert first.link == items["spotkanie"].full_url
    assert first.link.startswith("http://")
    assert first.id.startswith("urn:uuid:")
    assert len({entry.id for entry in feed.entries}) == 5
    # Midnight in Warsaw, which feedparser gives in UTC.
    published = calendar.timegm(first.published_parsed)
    assert published == items["spotkanie"].published_at.timestamp()
    assert timezone.localdate(items["spotkanie"].published_at).day == 20
    assert first.summary == items["spotkanie"].lead
    piknik = next(e for e in feed.entries if e.title.startswith("Piknik"))
    assert piknik.author == "Anna Nowak, Biblioteka na Żoliborzu"


def test_partnership_feed_has_only_its_news(client, news):
    _index, _items, kaskada, _sady = news
    _response, feed = parse(client, f"/aktualnosci/{kaskada.slug}/atom.xml")
    assert {e.title for e in feed.entries} == {
        "Piknik sąsiedzki na Kaskadzie",
        "Spotkanie partnerstwa w listopadzie",
    }
    assert kaskada.title in feed.feed.title
    assert client.get("/aktualnosci/nie-ma-takiego/rss.xml").status_code == 404


def test_pages_link_their_feeds_in_the_head(client, news):
    index, items, kaskada, _sady = news
    rss = (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Aktualności (RSS)" href="/aktualnosci/rss.xml">'
    )
    for url in ("/", index.url, items["piknik"].url):
        html = client.get(url).content.decode()
        assert rss in html.split("</head>")[0], url
    head = client.get(kaskada.url).content.decode().split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Aktualności '
        f'(Atom)" href="/aktualnosci/{kaskada.slug}/atom.xml">'
    ) in head
    statement = client.get("/deklaracja-dostepnosci/").content.decode()
    assert "application/rss+xml" not in statement


def test_feed_is_kept_like_a_page_and_cleared_by_a_publish(client, news, settings):
    index, _items, _kaskada, _sady = news
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    url = "/aktualnosci/rss.xml"
    client.get(url)
    assert client.get(url).get("X-Cache") == "hit"
    fresh = factories.news_item(index, "Świeża wiadomość", date=timezone.localdate())
    factories.publish(fresh)
    response, feed = parse(client, url)
    assert response.get("X-Cache") != "hit"
    assert feed.entries[0].title == "Świeża wiadomość"


def test_english_feeds_and_pages(client, news, english, settings):
    index, items, kaskada, _sady = news
    english_kaskada = factories.translate_page(
        kaskada, english, "Marymont-Kaskada Partnership"
    )
    english_item = factories.translate_page(
        items["spotkanie"],
        english,
        "Partnership meeting in November",
        lead="The partnership met in November.",
    )
    english_index = NewsIndexPage.objects.get(locale=english)
    _response, feed = parse(client, "/en/news/rss.xml")
    assert feed.feed.language == "en"
    assert [e.title for e in feed.entries] == ["Partnership meeting in November"]
    assert feed.entries[0].link == english_item.full_url
    polish_ids = {e.id for e in parse(client, "/aktualnosci/rss.xml")[1].entries}
    assert feed.entries[0].id not in polish_ids
    _response, feed = parse(client, f"/en/news/{english_kaskada.slug}/atom.xml")
    assert [e.title for e in feed.entries] == ["Partnership meeting in November"]
    html = client.get(english_kaskada.url).content.decode()
    assert "Partnership meeting in November" in html
    html = client.get(english_item.url).content.decode()
    assert f'href="{english_kaskada.url}"' in html
    assert english_index.live


def test_metryczka_on_content_pages_says_published_and_updated(client, site_tree):
    page = site_tree.privacy
    page.first_published_at = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    page.last_published_at = timezone.make_aware(datetime.datetime(2026, 11, 5, 12))
    page.save()
    html = client.get(page.url).content.decode()
    assert '<time datetime="2026-03-02T10:00:00+01:00">2 marca 2026</time>' in html
    assert '<time datetime="2026-11-05T12:00:00+01:00">5 listopada 2026</time>' in html
    page.last_published_at = page.first_published_at
    page.save()
    from django.core.cache import caches

    caches["pages"].clear()
    html = client.get(page.url).content.decode()
    assert "2 marca 2026" in html and "Zaktualizowano" not in html
