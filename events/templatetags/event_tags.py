"""How an occurrence's time reads: "wtorek, 1 grudnia 2026, 18:00–20:00"."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()

DAY = "l, j E Y"
TIME = "H:i"


def _days(occurrence):
    """The first and last day (an all-day end is exclusive)."""
    if occurrence.all_day:
        return occurrence.start, occurrence.end - datetime.timedelta(days=1)
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    return start, end


@register.simple_tag
def when(occurrence):
    """The occurrence's day(s) and time(s) in the active language."""
    start, end = _days(occurrence)
    if occurrence.all_day:
        if start == end:
            return date_format(start, DAY)
        return f"{date_format(start, DAY)} – {date_format(end, DAY)}"
    if start.date() == end.date():
        times = f"{date_format(start, TIME)}–{date_format(end, TIME)}"
        return f"{date_format(start, DAY)}, {times}"
    return (
        f"{date_format(start, DAY)}, {date_format(start, TIME)} – "
        f"{date_format(end, DAY)}, {date_format(end, TIME)}"
    )


@register.simple_tag
def iso(occurrence):
    """The machine-readable start for ``<time datetime>``."""
    return occurrence.start.isoformat()
