"""iCalendar (RFC 5545) for events, built with the ``icalendar`` package: one
VEVENT per event, a repeating one with its RRULE, times in Europe/Warsaw
with the zone's VTIMEZONE, a UID that stays the same in every language and
through every change, STATUS:CANCELLED and a SEQUENCE raised by each change
of time or status, so calendars update their copy."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from . import recurrence
from .models import EventStatus

PRODID = "-//Biblioteka Publiczna w Dzielnicy Zoliborz//Wydarzenia//PL"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.MOVED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}


def uid(event):
    """The event's UID: its translation key, shared by its translations."""
    return f"{event.translation_key}@{uid_domain()}"


def uid_domain():
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0]
    return host.split(":", 1)[0] or "biblioteka.zoliborz"


def calendar(events, request, name):
    """A VCALENDAR of ``events`` (EventPage instances) named ``name``."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(vevent(event, request))
    # The VTIMEZONE of every zone the events use (Europe/Warsaw).
    cal.add_missing_timezones()
    return cal


def vevent(event, request):
    first = event.first
    item = Event()
    item.add("uid", uid(event))
    item.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    item.add("dtstart", first.start)
    item.add("dtend", first.end)
    rule = recurrence.ical_rule(event.start_date, event.repeat, event.repeat_until)
    if rule is not None:
        if not first.all_day:
            # With a zoned start, UNTIL is the end of that day in UTC.
            last = recurrence.local(rule["UNTIL"], datetime.time(23, 59, 59))
            rule["UNTIL"] = last.astimezone(datetime.UTC)
        item.add("rrule", vRecur(rule))
    item.add("status", ICAL_STATUS[event.status])
    item.add("description", description(event, request))
    place = location(event)
    if place:
        item.add("location", place)
    url = event.get_full_url(request)
    if url:
        item.add("url", url)
    names = [p.title for p in event.shown_partnerships]
    if names:
        item.add("categories", names)
    return item


def location(event):
    parts = [event.place_name, event.place_address]
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(part for part in parts if part)


def description(event, request):
    """Plain text: the change note, the summary, entry and registration."""
    lines = []
    if event.status_note:
        lines.append(event.status_note)
    if event.is_cancelled:
        lines.insert(0, _("Cancelled"))
    if event.summary:
        lines.append(strip_tags(event.summary))
    if event.free_entry:
        lines.append(_("Free entry"))
    if event.registration_required:
        lines.append(_("Registration needed"))
        if event.registration_info:
            lines.append(event.registration_info)
        if event.registration_url:
            lines.append(event.registration_url)
    return "\n".join(lines)
