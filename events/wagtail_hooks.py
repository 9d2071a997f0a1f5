"""The events' place on other pages: the next three on the home page, a
partnership's coming events on its page (home.sections), each with a link
to its calendar; and the calendars every page's head links (PAGE_FEEDS)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from cooperation.models import PartnershipPage
from home.models import HomePage
from home.sections import PAGE_FEEDS, PAGE_SECTIONS, Feed, Section

from . import listing
from .models import EventIndexPage, EventPage

HOME_COUNT = 3
PARTNERSHIP_COUNT = 5


def index_url(locale_id, request):
    page = EventIndexPage.objects.live().public().filter(locale_id=locale_id).first()
    return page.get_url(request) if page else None


@hooks.register(PAGE_SECTIONS)
def events_section(page, request):
    kind = page.specific_class.__name__
    if kind == "HomePage":
        events = listing.live_events(page.locale_id)
        return Section(
            "events/includes/events_section.html",
            {
                "occurrences": listing.upcoming(events, limit=HOME_COUNT),
                "events_url": index_url(page.locale_id, request),
                "calendar_url": reverse("events_ics"),
                "heading_id": "events-heading",
            },
            order=10,
        )
    if kind == "PartnershipPage":
        events = listing.for_partnership(listing.live_events(page.locale_id), page)
        url = index_url(page.locale_id, request)
        # The page is served in its own language: the address is in it.
        calendar_url = reverse("partnership_ics", args=[page.slug])
        return Section(
            "events/includes/events_section.html",
            {
                "occurrences": listing.upcoming(events, limit=PARTNERSHIP_COUNT),
                "events_url": f"{url}?partnership={page.slug}" if url else None,
                "calendar_url": calendar_url,
                "heading_id": "events-heading",
                "partnership": page,
            },
            order=10,
        )
    return None


CALENDAR = "text/calendar"


@hooks.register(PAGE_FEEDS)
def calendar_links(page, request):
    """The calendar a page offers: an event's own, a partnership's, or all
    events (home and events pages). Addresses only: no query."""
    if isinstance(page, EventPage):
        url = reverse("event_ics", args=[page.pk])  # the page's language is active
        return [Feed(url, CALENDAR, _("This event (iCalendar)"))]
    if isinstance(page, PartnershipPage):
        url = reverse("partnership_ics", args=[page.slug])
        return [
            Feed(
                url,
                CALENDAR,
                _("Events of %(name)s (iCalendar)") % {"name": page.title},
            )
        ]
    if isinstance(page, HomePage | EventIndexPage):
        return [Feed(reverse("events_ics"), CALENDAR, _("All events (iCalendar)"))]
    return []
