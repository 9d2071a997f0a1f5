"""Which events a list shows: the live events of one language with their
partnerships and organisers read in a fixed number of queries, their
occurrences from today in time order, and the events page's filters by
partnership and month as plain links with counts."""

import datetime
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from cooperation.models import PartnershipPage
from home.i18n import localize_many

from .models import EventPage, EventPartnership


def live_events(locale_id):
    """The live, public events of a language, with what a list shows."""
    return (
        EventPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .defer_streamfields()
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=EventPartnership.objects.select_related("partnership"),
            ),
        )
    )


def for_partnership(events, partnership):
    """``events`` that belong to ``partnership`` (in any language)."""
    return events.filter(
        partnerships__partnership__translation_key=partnership.translation_key
    ).distinct()


def upcoming(events, today=None, limit=None):
    """The occurrences of ``events`` that have not ended, soonest first; a
    cancelled one stays listed (its page says it is cancelled)."""
    today = today or timezone.localdate()
    found = []
    for event in with_partnerships(events.filter(ends_on__gte=today), None):
        found += event.upcoming_occurrences(today)
    found.sort(key=lambda o: (o.date, o.all_day is False, _sort_time(o), o.event.pk))
    return found[:limit] if limit else found


def with_partnerships(events, locale_id):
    """``events`` as a list, each with its ``shown_partnerships`` (live, in
    the event's language) read for all of them in one query."""
    events = list(events)
    rows = [(e, row.partnership) for e in events for row in e.partnerships.all()]
    for event in events:
        event.shown_partnerships = []
    if not rows:
        return events
    locale_id = locale_id or events[0].locale_id
    pages = localize_many([page for _event, page in rows], locale_id)
    for (event, _page), page in zip(rows, pages, strict=True):
        if page.live:
            event.shown_partnerships.append(page)
    return events


def past(events, today=None):
    """Events whose last day has passed, newest first."""
    today = today or timezone.localdate()
    return events.filter(ends_on__lt=today).order_by("-start_date", "-start_time")


def past_years(events, today=None):
    """The years that have past events, newest first (one query)."""
    today = today or timezone.localdate()
    dates = events.filter(ends_on__lt=today).dates("start_date", "year", order="DESC")
    return [day.year for day in dates]


def _sort_time(occurrence):
    if occurrence.all_day:
        return datetime.time()
    return timezone.localtime(occurrence.start).time()


def partnerships_of(locale_id):
    """The live partnerships of a language, the filter's options."""
    return list(
        PartnershipPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .order_by("founded_year", "founded_month", "title")
        .only("title", "slug", "translation_key", "locale_id")
    )


def event_filters(params, occurrences, partnerships, page_url):
    """The events page's filters: the chosen partnership (slug) and month
    ("2026-12"), the options with their counts and links, the occurrences
    that pass, and a message for a value that is not valid."""
    by_slug = {p.slug: p for p in partnerships}
    messages = []
    partnership = params.get("partnership", "").strip()
    if partnership and partnership not in by_slug:
        messages.append(_("There is no such partnership; showing every partnership."))
        partnership = ""
    month = params.get("month", "").strip()
    months = sorted({o.date.strftime("%Y-%m") for o in occurrences})
    if month and month not in months:
        if not _is_month(month):
            messages.append(_("There is no such month; showing every month."))
        else:
            messages.append(
                _("There are no events in that month; showing every month.")
            )
        month = ""
    chosen = {"partnership": partnership, "month": month}
    key = by_slug[partnership].translation_key if partnership else None

    def in_partnership(o, value):
        if not value:
            return True
        keys = {row.partnership.translation_key for row in o.event.partnerships.all()}
        return by_slug[value].translation_key in keys

    def in_month(o, value):
        return not value or o.date.strftime("%Y-%m") == value

    def link(**changes):
        query = urlencode({k: v for k, v in {**chosen, **changes}.items() if v})
        return f"{page_url}?{query}" if query else page_url

    def option(label, count, url, current, value=""):
        return {
            "value": value,
            "label": label,
            "count": count,
            "url": url,
            "current": current,
        }

    partnership_options = [
        option(
            _("All partnerships"),
            sum(in_month(o, month) for o in occurrences),
            link(partnership=""),
            not partnership,
        )
    ] + [
        option(
            p.title,
            sum(in_month(o, month) and in_partnership(o, p.slug) for o in occurrences),
            link(partnership=p.slug),
            p.slug == partnership,
            p.slug,
        )
        for p in partnerships
    ]
    month_options = [
        option(
            _("All months"),
            sum(in_partnership(o, partnership) for o in occurrences),
            link(month=""),
            not month,
        )
    ] + [
        option(
            month_label(value),
            sum(
                in_partnership(o, partnership) and in_month(o, value)
                for o in occurrences
            ),
            link(month=value),
            value == month,
            value,
        )
        for value in months
    ]
    shown = [
        o for o in occurrences if in_partnership(o, partnership) and in_month(o, month)
    ]
    return {
        "chosen": chosen,
        "chosen_partnership": by_slug.get(partnership),
        "partnership_key": key,
        "partnership_options": partnership_options,
        "month_options": month_options,
        "occurrences": shown,
        "messages": messages,
        "filtered": bool(partnership or month),
    }


def _is_month(value):
    try:
        datetime.datetime.strptime(value, "%Y-%m")
    except ValueError:
        return False
    return True


def month_label(value):
    """ "grudzień 2026" / "December 2026" for "2026-12"."""
    year, month = value.split("-")
    return f"{MONTHS[int(month)]} {year}"
