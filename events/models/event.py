"""An event or meeting: when (Warsaw time, all-day, repeating), where (a
place or online), whose (partnerships, organisers), entry and access, and
whether it is still on (scheduled, cancelled, moved)."""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock
from home.i18n import localize_many
from home.search import SearchText

from .. import recurrence
from ..recurrence import Repeat

# How far ahead a repetition may run: a longer one is entered again later.
MAX_REPEAT_DAYS = 2 * 366


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place as planned")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved to a new date or place")


class EventPage(SearchText, Page):
    """One event or meeting, or a meeting that repeats (e.g. every first
    Tuesday): shown in the events list, on its partnerships' pages and in
    the calendars (.ics)."""

    start_date = models.DateField(_("date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Warsaw time. Leave both times empty for an all-day event."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Only if the event lasts more than one day."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    repeat = models.CharField(
        _("repeats"), max_length=12, choices=Repeat.choices, default="", blank=True
    )
    repeat_until = models.DateField(
        _("repeats until"),
        null=True,
        blank=True,
        help_text=_("The last day a repeating event may take place."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "A cancelled or moved event stays on the site and in the calendars, "
            "marked as such: never delete it."
        ),
    )
    status_note = models.CharField(
        _("note on the change"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Moved from 3 March because of the holiday'."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for the lists and the calendars."),
    )
    place_name = models.CharField(
        _("place"),
        max_length=160,
        blank=True,
        help_text=_("E.g. 'Wypożyczalnia nr 111'. Leave empty for an online event."),
    )
    place_address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'ul. Broniewskiego 2'."),
    )
    online_url = models.URLField(
        _("online meeting address"),
        blank=True,
        help_text=_("For an event held online (or also online)."),
    )
    free_entry = models.BooleanField(_("free entry"), default=True)
    registration_required = models.BooleanField(_("registration needed"), default=False)
    registration_info = models.CharField(
        _("how to register"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'By phone 22 000 00 00 until 1 March'."),
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    sign_language = models.BooleanField(
        _("Polish Sign Language (PJM) interpreter on request"), default=False
    )
    accessibility_note = models.CharField(
        _("more about access"), max_length=255, blank=True
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        use_json_field=True,
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows. Required when there is an image."),
    )
    # Derived on save: the last day the event takes place (lists filter on
    # it), and the iCalendar SEQUENCE, raised when the time or status changes.
    ends_on = models.DateField(editable=False, null=True, db_index=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("place_address"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        InlinePanel(
            "partnerships",
            label=pgettext_lazy("row of a list", "Partnership"),
            heading=_("Partnerships"),
            help_text=_("Leave empty for the library's own event."),
        ),
        InlinePanel(
            "organisers",
            label=pgettext_lazy("row of a list", "Organiser"),
            heading=_("Organisers"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
    ]
    entry_panels = [
        MultiFieldPanel(
            [
                FieldPanel("free_entry"),
                FieldPanel("registration_required"),
                FieldPanel("registration_info"),
                FieldPanel("registration_url"),
            ],
            heading=_("Entry"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("induction_loop"),
                FieldPanel("sign_language"),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Accessibility of the place"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(entry_panels, heading=_("Entry and access")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place_name"),
        index.SearchField("body"),
        index.AutocompleteField("search_text"),
        index.FilterField("start_date"),
        index.FilterField("ends_on"),
    ]

    # Dates, times, links and the yes/no facts are the same in every language;
    # names and prose are translated.
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_date"),
        SynchronizedField("end_time"),
        SynchronizedField("repeat"),
        SynchronizedField("repeat_until"),
        SynchronizedField("status"),
        SynchronizedField("place_address"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("image"),
        TranslatableField("status_note"),
        TranslatableField("summary"),
        TranslatableField("place_name"),
        TranslatableField("registration_info"),
        TranslatableField("accessibility_note"),
        TranslatableField("image_alt"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time too, or neither time.")
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                errors["end_date"] = _("The event cannot end before it starts.")
            elif (
                self.end_date == self.start_date
                and self.start_time
                and self.end_time
                and self.end_time <= self.start_time
            ):
                errors["end_time"] = _("The event cannot end before it starts.")
        elif self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The event cannot end before it starts.")
        errors.update(self.repeat_errors())
        if not (self.place_name or "").strip() and not self.online_url:
            errors["place_name"] = _(
                "Give the place, or the address of the online meeting."
            )
        if self.image_id and not (self.image_alt or "").strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def repeat_errors(self):
        if not self.repeat:
            return {}
        if self.repeat_until is None:
            return {"repeat_until": _("Say until when the event repeats.")}
        if self.start_date and self.repeat_until <= self.start_date:
            return {"repeat_until": _("The repetition must end after the first date.")}
        if (
            self.start_date
            and (self.repeat_until - self.start_date).days > MAX_REPEAT_DAYS
        ):
            return {
                "repeat_until": _(
                    "A repetition may run for two years at most; add it again later."
                )
            }
        if self.end_date and self.end_date != self.start_date:
            return {"end_date": _("A repeating event lasts one day at most.")}
        return {}

    def save(self, *args, **kwargs):
        self.ends_on = self.last_day()
        fields = kwargs.get("update_fields")
        if self.pk and fields is None:
            self.sequence = self.next_sequence()
        super().save(*args, **kwargs)

    def next_sequence(self):
        """The iCalendar SEQUENCE: one more than the saved row's whenever the
        time, the repetition or the status changes (calendars then replace
        their copy of the event)."""
        saved = (
            type(self)
            .objects.filter(pk=self.pk)
            .values(*SEQUENCED_FIELDS, "sequence")
            .first()
        )
        if saved is None:
            return self.sequence
        changed = any(saved[name] != getattr(self, name) for name in SEQUENCED_FIELDS)
        return max(self.sequence, saved["sequence"] + changed)

    def last_day(self):
        if not self.start_date:
            return None
        days = recurrence.occurrence_dates(
            self.start_date, self.repeat, self.repeat_until
        )
        length = (self.end_date or self.start_date) - self.start_date
        return days[-1] + length

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        coming = self.upcoming_occurrences()
        context["coming"] = coming
        context["shown_occurrence"] = coming[0] if coming else self.occurrences[-1]
        context["is_past"] = not coming
        return context

    def structured_data(self, request):
        """schema.org Event JSON-LD of the next occurrence (or the last one
        of a past event), for home.structured_data."""
        from ..structured_data import event_data

        coming = self.upcoming_occurrences()
        occurrence = coming[0] if coming else self.occurrences[-1]
        return [event_data(self, occurrence, request)]

    # What lists, the page and the calendars read.

    @cached_property
    def occurrences(self):
        return recurrence.occurrences(
            self,
            self.start_date,
            self.start_time,
            self.end_date,
            self.end_time,
            self.repeat,
            self.repeat_until,
        )

    def upcoming_occurrences(self, today=None):
        today = today or timezone.localdate()
        return [o for o in self.occurrences if _last_date(o) >= today]

    @property
    def first(self):
        return self.occurrences[0]

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_moved(self):
        return self.status == EventStatus.MOVED

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def repeat_label(self):
        return recurrence.describe(self.start_date, self.repeat, self.repeat_until)

    @property
    def access_features(self):
        labels = [
            (self.step_free, _("step-free access")),
            (self.induction_loop, _("induction loop")),
            (
                self.sign_language,
                _("Polish Sign Language (PJM) interpreter on request"),
            ),
        ]
        return [label for present, label in labels if present]

    @cached_property
    def shown_partnerships(self):
        """The live partnerships the event belongs to, each in the page's
        language where it is translated (listing.with_partnerships reads them
        for a whole list at once)."""
        rows = self.partnerships.all().select_related("partnership")
        pages = [row.partnership for row in rows]  # lists: listing.with_partnerships
        return [p for p in localize_many(pages, self.locale_id) if p.live]

    @cached_property
    def shown_organisers(self):
        """The published organisers, in the page's language where published."""
        rows = self.organisers.all().select_related("organization")
        organisations = [row.organization for row in rows]
        found = localize_many(organisations, self.locale_id)
        return [o for o in found if o is not None and o.live]

    @property
    def ics_url(self):
        """The address of this event's .ics ("Add to calendar")."""
        with translation.override(self.locale.language_code):
            return reverse("event_ics", args=[self.pk])

    def search_keys(self):
        return [self.place_name, self.place_address]

    @property
    def meta_description(self):
        return self.summary or self.search_description


SEQUENCED_FIELDS = [
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "repeat",
    "repeat_until",
    "status",
    "place_address",
    "online_url",
]


def _last_date(occurrence):
    end = occurrence.end
    if isinstance(end, datetime.datetime):
        return timezone.localtime(end).date()
    # An all-day end is exclusive (the day after).
    return end - datetime.timedelta(days=1)
