"""The calendars (.ics): one event ("Add to calendar"), a partnership's
events and all events, each in the language of its address. They pass
through the page cache like pages and are cleared with it on publish."""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from cooperation.models import PartnershipPage

from . import calendar, listing
from .models import EventPage

# A feed carries what is coming and the past year; older events stay on
# the site as the partnerships' record.
FEED_PAST_DAYS = 366


def _locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist as missing:
        raise Http404 from missing


def _response(cal, name, download=False):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    kind = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{name}.ics"'
    return response


def _feed_events(events):
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = events.filter(ends_on__gte=since).order_by("start_date", "start_time")
    return listing.with_partnerships(events, None)


@require_safe
def all_events(request):
    events = _feed_events(listing.live_events(_locale().pk))
    cal = calendar.calendar(events, request, _("Events"))
    return _response(cal, "wydarzenia" if request.LANGUAGE_CODE == "pl" else "events")


@require_safe
def partnership_events(request, slug):
    locale = _locale()
    partnership = get_object_or_404(
        PartnershipPage.objects.live().public(), locale=locale, slug=slug
    )
    events = listing.for_partnership(listing.live_events(locale.pk), partnership)
    cal = calendar.calendar(_feed_events(events), request, partnership.title)
    return _response(cal, slug)


@require_safe
def event(request, pk):
    events = EventPage.objects.live().public().filter(locale=_locale())
    found = get_object_or_404(events, pk=pk)
    cal = calendar.calendar([found], request, found.title)
    return _response(cal, found.slug, download=True)
