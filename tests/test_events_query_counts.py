"""Events cost a fixed number of queries, the same with 3 events as with
100 (recurring ones, cancelled ones, events of partnerships with English
versions), in both languages: the events page, an event, the home page,
a partnership and the calendars. Warm: the lists are "pages" fragments.
Cold: every fragment empty, what the first visitor after a publish costs."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, EventPage

from . import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()

# Routing as in test_query_counts.py: 7 for a Polish page, 8 for an English
# one (the home page's translation). Warm, a page costs its routing alone:
# the events are read inside "pages" fragments. Cold adds the header, menu
# and footer (as every page) and the page's own rows: the events (one
# query), their partnership rows with the partnerships (one), those
# partnerships in the page's language (one, English only), the events
# page's address; an event page reads its partnerships and organisers (one
# each) and their English versions.
PL, EN = 7, 8
EXPECTED = {
    # the home page's and a partnership's sections hold news too (cold:
    # the latest items, their partnerships, the news index)
    "/": (PL, 23),
    "/en/": (EN, 26),
    "/wydarzenia/": (PL, 24),
    "/wydarzenia/?partnership=marymont-kaskada": (PL, 24),
    "/wydarzenia/?month=MONTH": (PL, 24),
    "/en/events/": (EN, 28),
    "/wydarzenia/EVENT/": (PL, 19),
    "/en/events/EVENT/": (EN, 23),
    # the partnership's page is reached through an English alias of the
    # Polish sections above it: two more queries than a translated tree
    "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/": (PL, 32),
    "/en/wspolpraca/partnerstwa-lokalne/marymont-kaskada/": (EN + 2, 38),
    # Calendars are not pages: the locale, the events, their partnership
    # rows with the partnerships (and their English versions); for a
    # partnership, the partnership first.
    "/kalendarz.ics": (4, 4),
    "/kalendarz/marymont-kaskada.ics": (6, 6),
    "/kalendarz/wydarzenie-EVENT.ics": (4, 4),
    "/en/calendar.ics": (5, 5),
    "/en/calendar/marymont-kaskada.ics": (7, 7),
}


def bilingual_site():
    site = factories.polish_site()
    english = factories.locale("en")
    factories.translate_organizations(english)
    factories.translate_page(site.home, english, "Library", slug="home-en")
    for page in site.partnerships.values():
        factories.translate_page(page, english, f"EN {page.title}")
    index = factories.events_index(site.home)
    factories.translate_page(index, english, "Events", slug="events")
    return site, index


def add_events(site, index, count):
    """Events up to ``count`` in each language: every third repeats
    monthly, every fifth is cancelled, each belongs to two partnerships and
    has two organisers; the English copy shares the translation key and
    the rows (pointing at the Polish partnerships, as wagtail-localize
    leaves synchronised rows)."""
    english_index = EventIndexPage.objects.get(locale__language_code="en")
    partnerships = list(site.partnerships.values())
    organisations = list(site.organizations.values())
    polish = EventPage.objects.filter(locale__language_code="pl")
    for number in range(polish.count(), count):
        fields = {
            "start": TODAY + datetime.timedelta(days=number - 20),
            "partnerships": partnerships[number % 4 : number % 4 + 2],
            "organisers": organisations[number % 6 : number % 6 + 2],
            "status": "cancelled" if number % 5 == 0 else "scheduled",
        }
        if number % 3 == 0:
            fields["repeat"] = "monthly"
            fields["repeat_until"] = fields["start"] + datetime.timedelta(days=200)
        page = factories.event(index, title=f"Wydarzenie {number}", **fields)
        copy = factories.event(
            english_index, title=f"EN event {number}", slug=page.slug, **fields
        )
        Page.objects.filter(pk=copy.pk).update(translation_key=page.translation_key)


def queries(client, url, cold=False):
    client.get(url)  # per-process caches warm
    if cold:
        caches["pages"].clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def measure(client, url):
    return queries(client, url), queries(client, url, cold=True)


def name(url):
    """``url`` with the event's slug or id and the month as in EXPECTED."""
    url = re.sub(r"/spotkanie-\d+/", "/EVENT/", url)
    url = re.sub(r"wydarzenie-\d+", "wydarzenie-EVENT", url)
    return re.sub(r"month=[\d-]+", "month=MONTH", url)


def urls(site):
    kaskada = site.partnerships["marymont-kaskada"]
    english_kaskada = kaskada.get_translation(factories.locale("en"))
    event = EventPage.objects.get(title="Wydarzenie 1")
    english_event = EventPage.objects.get(title="EN event 1")
    return [
        "/",
        "/en/",
        "/wydarzenia/",
        f"/wydarzenia/?partnership={kaskada.slug}",
        "/wydarzenia/?month=" + (TODAY + datetime.timedelta(days=40)).strftime("%Y-%m"),
        "/en/events/",
        event.url,
        english_event.url,
        kaskada.url,
        english_kaskada.url,
        "/kalendarz.ics",
        f"/kalendarz/{kaskada.slug}.ics",
        f"/kalendarz/wydarzenie-{event.pk}.ics",
        "/en/calendar.ics",
        f"/en/calendar/{english_kaskada.slug}.ics",
    ]


def test_events_cost_the_same_few_queries_with_3_and_100_events(client):
    site, index = bilingual_site()
    add_events(site, index, 3)
    addresses = urls(site)
    small = {url: measure(client, url) for url in addresses}
    add_events(site, index, 100)
    assert EventPage.objects.filter(locale__language_code="en").count() == 100
    large = {url: measure(client, url) for url in addresses}
    assert large == small
    assert {name(url): counts for url, counts in large.items()} == EXPECTED
    assert max(warm for warm, _cold in EXPECTED.values()) <= 12
    html = client.get("/en/events/").content.decode()
    assert "EN event 99" in html
    feed = client.get("/kalendarz.ics").content.decode()
    assert feed.count("BEGIN:VEVENT") == 100
