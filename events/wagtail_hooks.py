"""The events' place on other pages: the next three on the home page, a
partnership's coming events on its page (home.sections), each with a link
to its calendar."""

from django.urls import reverse
from wagtail import hooks

from home.sections import PAGE_SECTIONS, Section

from . import listing
from .models import EventIndexPage

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
