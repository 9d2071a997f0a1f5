"""Events: the event page, the events page's lists and filters, the
sections on the home and partnership pages, the calendars (.ics, parsed
with the icalendar package) and the schema.org JSON-LD."""

import datetime
import json
import re

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import EventPage

from . import factories

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1
WINTER = datetime.date(NEXT_YEAR, 1, 12)  # a Tuesday in some year; any day works
SUMMER = datetime.date(NEXT_YEAR, 7, 14)


@pytest.fixture
def events(site_tree):
    index = factories.events_index(site_tree.home)
    return site_tree, index


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return [c for c in cal.walk("VEVENT")]


def json_ld(html):
    """The page's schema.org Event among its JSON-LD objects."""
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    data = json.loads(found)
    (event,) = [item for item in data if item["@type"] == "Event"]
    return event


def test_event_page_shows_when_where_and_the_calendar_link(client, events):
    site, index = events
    kaskada = site.partnerships["marymont-kaskada"]
    event = factories.event(
        index,
        title="Spotkanie partnerstwa",
        start=WINTER,
        partnerships=[kaskada],
        organisers=[site.organizations["ops-zoliborz"]],
        registration_required=True,
        registration_info="Zapisy w wypożyczalni",
        step_free=True,
        induction_loop=True,
    )
    html = client.get(event.url).content.decode()
    assert "Spotkanie partnerstwa" in html
    assert "18:00–20:00" in html
    assert "Wypożyczalnia nr 111, ul. Broniewskiego 2" in html
    assert "Zapisy w wypożyczalni" in html
    assert kaskada.title.replace("„", "&#x201E;") in html or kaskada.title in html
    assert "Ośrodek Pomocy Społecznej Dzielnicy Żoliborz" in html
    assert re.search(
        rf'<link rel="alternate" type="text/calendar" [^>]*'
        rf'href="/kalendarz/wydarzenie-{event.pk}.ics">',
        html,
    )


@pytest.mark.parametrize(
    ("day", "offset"),
    [(WINTER, "+01:00"), (SUMMER, "+02:00")],
    ids=["winter", "summer"],
)
def test_ics_holds_warsaw_time_in_winter_and_summer(client, events, day, offset):
    site, index = events
    event = factories.event(index, title="Zebranie", start=day)
    response = client.get(f"/kalendarz/wydarzenie-{event.pk}.ics")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    cal = parse(response)
    (item,) = vevents(cal)
    start = item.decoded("dtstart")
    assert start.isoformat() == f"{day.isoformat()}T18:00:00{offset}"
    assert str(start.tzinfo) == "Europe/Warsaw"
    assert item["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert item.decoded("dtend").hour == 20
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert str(item["uid"]) == f"{event.translation_key}@127.0.0.1"
    assert str(item["status"]) == "CONFIRMED"


def test_ics_escapes_text(client, events):
    site, index = events
    event = factories.event(
        index, title="Gry; planszowe, karty\\kości", summary="Linia 1\nLinia 2"
    )
    body = client.get(f"/kalendarz/wydarzenie-{event.pk}.ics").content.decode()
    assert "SUMMARY:Gry\\; planszowe\\, karty\\\\kości" in body
    assert "Linia 1\\nLinia 2" in body
    (item,) = vevents(icalendar.Calendar.from_ical(body))
    assert str(item["summary"]) == "Gry; planszowe, karty\\kości"


def test_all_day_event_is_a_date(client, events):
    site, index = events
    event = factories.event(index, start=WINTER, times=None)
    (item,) = vevents(parse(client.get(f"/kalendarz/wydarzenie-{event.pk}.ics")))
    assert item.decoded("dtstart") == WINTER
    assert item.decoded("dtend") == WINTER + datetime.timedelta(days=1)


def test_cancelled_event_stays_listed_and_says_so(client, events):
    site, index = events
    kaskada = site.partnerships["marymont-kaskada"]
    event = factories.event(
        index,
        title="Piknik sąsiedzki",
        start=SUMMER,
        partnerships=[kaskada],
        status="cancelled",
        status_note="Z powodu remontu.",
    )
    listing = client.get(index.url).content.decode()
    assert "Piknik sąsiedzki" in listing
    assert "Odwołane" in listing or "Cancelled" in listing
    page = client.get(event.url).content.decode()
    assert "Z powodu remontu." in page
    assert json_ld(page)["eventStatus"] == "https://schema.org/EventCancelled"
    for address in ("/kalendarz.ics", f"/kalendarz/{kaskada.slug}.ics"):
        (item,) = vevents(parse(client.get(address)))
        assert str(item["status"]) == "CANCELLED"
    partnership = client.get(kaskada.url).content.decode()
    assert "Piknik sąsiedzki" in partnership


def test_a_change_of_time_or_status_raises_the_sequence(events):
    site, index = events
    event = factories.event(index, start=WINTER)
    assert event.sequence == 0
    event.title = "Nowy tytuł"
    event.save()
    assert event.sequence == 0
    event.start_time = datetime.time(17)
    event.save()
    assert event.sequence == 1
    event.status = "cancelled"
    event.save()
    event.refresh_from_db()
    assert event.sequence == 2


def test_recurring_event_lists_every_occurrence_at_the_same_local_time(client, events):
    site, index = events
    # The first Tuesday of March of next year: winter time, then summer time.
    first = datetime.date(NEXT_YEAR, 3, 1)
    first += datetime.timedelta(days=(1 - first.weekday()) % 7)
    event = factories.event(
        index,
        title="Dyżur partnerstwa",
        start=first,
        repeat="monthly",
        repeat_until=datetime.date(NEXT_YEAR, 6, 30),
    )
    assert [o.start.day <= 7 for o in event.occurrences] == [True] * 4
    assert [o.start.utcoffset().seconds // 3600 for o in event.occurrences] == [
        1,
        2,
        2,
        2,
    ]
    html = client.get(index.url).content.decode()
    assert html.count("Dyżur partnerstwa") == 4
    page = client.get(event.url).content.decode()
    assert "w każdy pierwszy wtorek miesiąca" in page or "every first Tuesday" in page
    (item,) = vevents(parse(client.get("/kalendarz.ics")))
    rule = item["rrule"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["+1TU"]
    assert rule["UNTIL"][0].tzinfo is not None  # UTC with a zoned start
    # An independent expansion of the feed gives the same four dates.
    from dateutil.rrule import rrulestr

    starts = list(
        rrulestr(item["rrule"].to_ical().decode(), dtstart=item.decoded("dtstart"))
    )
    assert [s.date() for s in starts] == [o.date for o in event.occurrences]
    assert {s.hour for s in starts} == {18}


def test_json_ld_is_a_schema_org_event(client, events):
    site, index = events
    event = factories.event(
        index,
        title="Warsztaty",
        start=SUMMER,
        organisers=[site.organizations["stowarzyszenie-boris"]],
        online_url="https://meet.example.org/warsztaty",
        free_entry=False,
    )
    data = json_ld(client.get(event.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Warsztaty"
    assert data["startDate"] == f"{SUMMER.isoformat()}T18:00:00+02:00"
    assert data["endDate"] == f"{SUMMER.isoformat()}T20:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["isAccessibleForFree"] is False
    place, virtual = data["location"]
    assert place["@type"] == "Place"
    assert place["address"]["streetAddress"] == "ul. Broniewskiego 2"
    assert virtual == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/warsztaty",
    }
    assert data["organizer"]["name"] == "Stowarzyszenie BORIS"


def test_json_ld_cannot_be_closed_by_a_title(client, events):
    site, index = events
    event = factories.event(index, title="</script><script>alert(1)</script>")
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_home_shows_the_next_three_and_partnerships_their_own(client, events):
    site, index = events
    kaskada = site.partnerships["marymont-kaskada"]
    for day in range(1, 6):
        factories.event(
            index,
            title=f"Wydarzenie {day}",
            start=WINTER + datetime.timedelta(days=day),
            partnerships=[kaskada] if day == 5 else [],
        )
    factories.event(index, title="Dawne", start=datetime.date(NEXT_YEAR - 3, 5, 5))
    home = client.get("/").content.decode()
    assert [f"Wydarzenie {d}" in home for d in range(1, 6)] == [True] * 3 + [False] * 2
    assert "Dawne" not in home
    assert 'href="/kalendarz.ics" rel="alternate" type="text/calendar"' in home
    page = client.get(kaskada.url).content.decode()
    assert "Wydarzenie 5" in page and "Wydarzenie 1" not in page
    assert f'href="/kalendarz/{kaskada.slug}.ics" rel="alternate"' in page
    other = client.get(site.partnerships["sady-zoliborskie"].url).content.decode()
    assert "Wydarzenie 5" not in other


def test_events_page_filters_by_partnership_and_month_and_keeps_the_past(
    client, events
):
    site, index = events
    kaskada = site.partnerships["marymont-kaskada"]
    factories.event(index, title="Styczniowe", start=WINTER, partnerships=[kaskada])
    factories.event(index, title="Lipcowe", start=SUMMER)
    factories.event(index, title="Sprzed lat", start=datetime.date(NEXT_YEAR - 3, 5, 5))
    factories.event(index, title="Starsze", start=datetime.date(NEXT_YEAR - 4, 5, 5))

    html = client.get(index.url).content.decode()
    assert html.index("Styczniowe") < html.index("Lipcowe") < html.index("Sprzed lat")
    assert "Starsze" not in html  # an earlier year is a link away
    assert f"?year={NEXT_YEAR - 4}#past" in html

    html = client.get(index.url, {"partnership": kaskada.slug}).content.decode()
    assert "Styczniowe" in html and "Lipcowe" not in html
    month = SUMMER.strftime("%Y-%m")
    html = client.get(index.url, {"month": month}).content.decode()
    assert "Lipcowe" in html and "Styczniowe" not in html
    html = client.get(index.url, {"year": NEXT_YEAR - 4}).content.decode()
    assert "Starsze" in html
    for bad in ({"month": "2x"}, {"partnership": "nie-ma"}, {"year": "1"}):
        response = client.get(index.url, bad)
        assert response.status_code == 200
        assert "Styczniowe" in response.content.decode()


def test_partnership_feed_is_404_for_an_unknown_partnership(client, events):
    assert client.get("/kalendarz/nie-ma-takiego.ics").status_code == 404
    assert client.get("/kalendarz/wydarzenie-999999.ics").status_code == 404


def test_unpublished_event_is_nowhere(client, events):
    site, index = events
    event = factories.event(index, title="Szkic")
    event.unpublish()
    assert "Szkic" not in client.get(index.url).content.decode()
    assert client.get(f"/kalendarz/wydarzenie-{event.pk}.ics").status_code == 404
    assert "Szkic" not in client.get("/kalendarz.ics").content.decode()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_date": WINTER - datetime.timedelta(days=1)}, "end_date"),
        ({"start_time": datetime.time(18), "end_time": datetime.time(17)}, "end_time"),
        ({"start_time": None, "end_time": datetime.time(17)}, "start_time"),
        ({"repeat": "weekly"}, "repeat_until"),
        ({"repeat": "weekly", "repeat_until": WINTER}, "repeat_until"),
        (
            {"repeat": "weekly", "repeat_until": WINTER + datetime.timedelta(days=800)},
            "repeat_until",
        ),
        ({"place_name": ""}, "place_name"),
    ],
)
def test_contradictory_events_are_refused(fields, field):
    values = {"title": "Spotkanie", "start_date": WINTER, "place_name": "Biblioteka"}
    page = EventPage(slug="spotkanie", **{**values, **fields})
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict
