"""The calendars' addresses, inside the language prefix (config/urls.py):
/kalendarz.ics, /kalendarz/<partnership>.ics and /kalendarz/wydarzenie-<id>.ics
in Polish, /en/calendar.ics … in English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("calendar.ics"), views.all_events, name="events_ics"),
    path(_("calendar/event-<int:pk>.ics"), views.event, name="event_ics"),
    path(
        _("calendar/<slug:slug>.ics"), views.partnership_events, name="partnership_ics"
    ),
]
