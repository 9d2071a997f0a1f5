"""The events page ("Wydarzenia"): upcoming events first, filtered by
partnership and month, then past events a year at a time."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.search import SearchText


class EventIndexPage(SearchText, Page):
    """ "Events": every event and meeting of the library and the local
    partnerships, upcoming first, with the past ones as a record."""

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.AutocompleteField("search_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")
        verbose_name_plural = _("events pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read where the template needs them: the lists are a cached
        # fragment per filter, so a warm page reads no events.
        context["lists"] = SimpleLazyObject(lambda: self.lists(request))
        return context

    def lists(self, request):
        """Coming occurrences as filtered, and the past events of one year."""
        from .. import listing

        events = listing.live_events(self.locale_id)
        partnerships = listing.partnerships_of(self.locale_id)
        filters = listing.event_filters(
            request.GET, listing.upcoming(events), partnerships, self.url
        )
        past = listing.past(events)
        if filters["chosen_partnership"] is not None:
            past = listing.for_partnership(past, filters["chosen_partnership"])
        years = listing.past_years(past)
        year = request.GET.get("year", "").strip()
        chosen_year = int(year) if year.isdigit() and int(year) in years else None
        if year and chosen_year is None:
            filters["messages"].append(_("There are no past events from that year."))
        chosen_year = chosen_year or (years[0] if years else None)
        past_events = []
        if chosen_year:
            past_events = listing.with_partnerships(
                past.filter(start_date__year=chosen_year), self.locale_id
            )
        return {
            **filters,
            "past_years": years,
            "past_year": chosen_year,
            "past_events": past_events,
        }
