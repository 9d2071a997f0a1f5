"""News (Aktualności): one index per language and the news items under it.
An item names the partnerships it concerns; their pages show its latest
items through the floor's page sections (wagtail_hooks.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cooperation.compare import OrderedInlinePanel
from home.blocks import BodyStreamBlock
from home.i18n import localize_many
from home.search import SearchText

from .links import news_feeds
from .listing import NewsListing

# Must match the filter specs of news/news_page.html, or prefetching misses.
NEWS_IMAGE_RENDITIONS = ["format-webp|max-800x500", "format-jpeg|max-800x500"]


class NewsIndexPage(SearchText, Page):
    """Aktualności: the news of the library and the partnerships, newest
    first, with filters by partnership and year and RSS/Atom feeds."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        """This language's live, public news, newest first."""
        return NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = NewsListing(self, request)
        context["page_feeds"] = news_feeds()
        return context


class NewsPage(SearchText, Page):
    """One news item: what happened or will happen, dated, signed, with the
    partnerships it concerns."""

    date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_("Shown on the item and used to order the news."),
    )
    author = models.CharField(
        _("author"),
        max_length=160,
        blank=True,
        help_text=_("Optional, e.g. 'Anna Nowak, Biblioteka na Żoliborzu'."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One or two sentences: shown in lists, feeds and under the title."),
    )
    body = StreamField(
        BodyStreamBlock(), verbose_name=_("content"), blank=True, use_json_field=True
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
        max_length=200,
        blank=True,
        help_text=_(
            "What a blind reader hears instead of the image. Required when "
            "there is an image."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("author")])],
            heading=_("Date and author"),
        ),
        OrderedInlinePanel(
            "partnership_rows",
            label=pgettext_lazy("row of a list", "Partnership"),
            heading=_("Partnerships it concerns"),
            help_text=_(
                "The item is shown on these partnerships' pages. Leave empty "
                "for the library's own news."
            ),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]

    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    @property
    def meta_description(self):
        return self.lead

    @property
    def published_at(self):
        """The moment for feeds: the first publication when it fell on the
        item's date, else the start of that day in the site's time zone."""
        first = self.first_published_at
        if first and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(
            datetime.datetime.combine(self.date, datetime.time())
        )

    def get_partnerships(self):
        """The partnerships it concerns, live, in this item's language where
        that is published (one query, two with translations)."""
        rows = self.partnership_rows.all().select_related("partnership")
        pages = localize_many([row.partnership for row in rows], self.locale_id)
        return [page for page in pages if page is not None and page.live]


class NewsPartnership(TranslatableMixin, Orderable):
    """A partnership a news item concerns; the same in every language (the
    page shows the partnership's page in the reader's language)."""

    page = ParentalKey(
        NewsPage, on_delete=models.CASCADE, related_name="partnership_rows"
    )
    partnership = models.ForeignKey(
        "cooperation.PartnershipPage",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="news_rows",
    )

    panels = [FieldPanel("partnership")]

    translatable_fields = [SynchronizedField("partnership")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return str(self.partnership)
