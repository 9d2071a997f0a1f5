"""The library's home page and plain pages of text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyStreamBlock
from ..chrome import chrome_for, public
from ..search import SearchText


class HomePage(SearchText, Page):
    """The library's front page: a short introduction, free content and the
    sections of the site as links. There is one per language."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cooperation.CooperationPage",
        "home.StandardPage",
        "home.AccessibilityStatementPage",
        "home.EasyReadPage",
        "home.SignLanguagePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chrome = chrome_for(request)
        if chrome is not None and chrome.home is not None and chrome.home.pk == self.pk:
            # The teasers are the main menu, already read with the page.
            context["sections"] = chrome.menu()
        else:
            context["sections"] = public(self.get_children().live().in_menu())
        return context


class StandardPage(SearchText, Page):
    """A plain page of text under the home page, such as the privacy notice."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(
        BodyStreamBlock(), verbose_name=_("content"), blank=True, use_json_field=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
