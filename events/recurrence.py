"""When an event happens: its occurrences as Europe/Warsaw date-times, a
recurring one expanded from the rule an editor entered once ("every first
Tuesday until 30 June"). Pure Python over the page's fields, no database."""

import datetime
import itertools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

WARSAW = ZoneInfo("Europe/Warsaw")
# A rule without an end would fill lists and feeds for ever: it stops at
# its "until" date and never yields more than this many occurrences.
MAX_OCCURRENCES = 120
WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]


class Repeat(models.TextChoices):
    NEVER = "", _("Does not repeat")
    WEEKLY = "weekly", _("Every week on the same day")
    FORTNIGHTLY = "fortnightly", _("Every other week on the same day")
    MONTHLY = "monthly", _("Every month on the same weekday (e.g. first Tuesday)")


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place: ``start`` and ``end`` are aware
    Europe/Warsaw date-times, or dates for an all-day event."""

    event: object
    start: object
    end: object

    @property
    def all_day(self):
        return not isinstance(self.start, datetime.datetime)

    @property
    def date(self):
        return self.start.date() if not self.all_day else self.start


def week_of_month(day):
    """1 for the first such weekday of the month … 4; -1 for a fifth, which
    not every month has (it is read as "the last")."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def rule(start_date, repeat, until):
    """The dateutil rule of a repetition starting on ``start_date`` (None
    for one that does not repeat)."""
    if not repeat or until is None:
        return None
    weekday = WEEKDAYS[start_date.weekday()]
    options = {"dtstart": start_date, "until": until, "count": None}
    if repeat == Repeat.WEEKLY:
        return rrule.rrule(rrule.WEEKLY, **options)
    if repeat == Repeat.FORTNIGHTLY:
        return rrule.rrule(rrule.WEEKLY, interval=2, **options)
    if repeat == Repeat.MONTHLY:
        nth = week_of_month(start_date)
        return rrule.rrule(rrule.MONTHLY, byweekday=weekday(nth), **options)
    raise ValueError(f"unknown repetition {repeat!r}")


def ical_rule(start_date, repeat, until):
    """The same rule as an iCalendar RRULE value (a dict for icalendar)."""
    if not repeat or until is None:
        return None
    day = repr(WEEKDAYS[start_date.weekday()])
    value = {"FREQ": "WEEKLY", "UNTIL": until}
    if repeat == Repeat.FORTNIGHTLY:
        value["INTERVAL"] = 2
    if repeat == Repeat.MONTHLY:
        value = {
            "FREQ": "MONTHLY",
            "BYDAY": f"{week_of_month(start_date):+d}{day}",
            "UNTIL": until,
        }
    return value


def local(day, time):
    """``day`` at ``time`` in Warsaw (the wall-clock time, summer or winter)."""
    return datetime.datetime.combine(day, time, tzinfo=WARSAW)


def first_span(start_date, start_time, end_date, end_time):
    """The first occurrence's (start, end): aware date-times, or dates for
    an all-day event (the end exclusive, as in iCalendar)."""
    end_date = end_date or start_date
    if start_time is None:
        return start_date, end_date + datetime.timedelta(days=1)
    start = local(start_date, start_time)
    if end_time is None:
        end = start + datetime.timedelta(hours=1) if end_date == start_date else None
        end = end or local(end_date, start_time)
    else:
        end = local(end_date, end_time)
    return start, end


def occurrence_dates(start_date, repeat, until):
    """The dates the event starts on, the first one included."""
    found = rule(start_date, repeat, until)
    if found is None:
        return [start_date]
    return [moment.date() for moment in itertools.islice(found, MAX_OCCURRENCES)]


def occurrences(event, start_date, start_time, end_date, end_time, repeat, until):
    """Every occurrence of ``event``: each lasts as long as the first, at the
    same wall-clock time in Warsaw whether in summer or in winter time."""
    first_start, first_end = first_span(start_date, start_time, end_date, end_time)
    length = first_end - first_start  # wall-clock: both in Warsaw time
    found = []
    for day in occurrence_dates(start_date, repeat, until):
        start = day if start_time is None else local(day, start_time)
        found.append(Occurrence(event, start, start + length))
    return found


# Whole phrases, so each language can inflect them (Polish: "w każdą
# pierwszą środę", "w każdy pierwszy wtorek").
WEEKLY_LABELS = [
    _("every Monday"),
    _("every Tuesday"),
    _("every Wednesday"),
    _("every Thursday"),
    _("every Friday"),
    _("every Saturday"),
    _("every Sunday"),
]
FORTNIGHTLY_LABELS = [
    _("every other Monday"),
    _("every other Tuesday"),
    _("every other Wednesday"),
    _("every other Thursday"),
    _("every other Friday"),
    _("every other Saturday"),
    _("every other Sunday"),
]
MONTHLY_LABELS = {
    1: [
        _("every first Monday of the month"),
        _("every first Tuesday of the month"),
        _("every first Wednesday of the month"),
        _("every first Thursday of the month"),
        _("every first Friday of the month"),
        _("every first Saturday of the month"),
        _("every first Sunday of the month"),
    ],
    2: [
        _("every second Monday of the month"),
        _("every second Tuesday of the month"),
        _("every second Wednesday of the month"),
        _("every second Thursday of the month"),
        _("every second Friday of the month"),
        _("every second Saturday of the month"),
        _("every second Sunday of the month"),
    ],
    3: [
        _("every third Monday of the month"),
        _("every third Tuesday of the month"),
        _("every third Wednesday of the month"),
        _("every third Thursday of the month"),
        _("every third Friday of the month"),
        _("every third Saturday of the month"),
        _("every third Sunday of the month"),
    ],
    4: [
        _("every fourth Monday of the month"),
        _("every fourth Tuesday of the month"),
        _("every fourth Wednesday of the month"),
        _("every fourth Thursday of the month"),
        _("every fourth Friday of the month"),
        _("every fourth Saturday of the month"),
        _("every fourth Sunday of the month"),
    ],
    -1: [
        _("every last Monday of the month"),
        _("every last Tuesday of the month"),
        _("every last Wednesday of the month"),
        _("every last Thursday of the month"),
        _("every last Friday of the month"),
        _("every last Saturday of the month"),
        _("every last Sunday of the month"),
    ],
}


def describe(start_date, repeat, until):
    """ "every first Tuesday of the month until 30 June 2027", in the
    active language; empty for an event that does not repeat."""
    if not repeat or until is None or start_date is None:
        return ""
    weekday = start_date.weekday()
    if repeat == Repeat.WEEKLY:
        label = WEEKLY_LABELS[weekday]
    elif repeat == Repeat.FORTNIGHTLY:
        label = FORTNIGHTLY_LABELS[weekday]
    else:
        label = MONTHLY_LABELS[week_of_month(start_date)][weekday]
    return _("%(rule)s until %(date)s") % {
        "rule": label,
        "date": date_format(until, "DATE_FORMAT"),
    }
