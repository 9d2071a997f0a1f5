"""The library's home page and plain pages of text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyStreamBlock
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
        "events.EventIndexPage",
        "news.NewsIndexPage",
        "home.StandardPage",
        "home.AccessibilityStatementPage",
        "home.EasyReadPage",
        "home.SignLanguagePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Wagtail's routing, with the pages the address names read in one
        query by their ``url_path`` (Wagtail asks two queries a level); the
        deepest of them, or the first with a ``route`` of its own, routes the
        rest of the address as Wagtail would."""
        paths = []
        for component in path_components:
            paths.append(f"{paths[-1] if paths else self.url_path}{component}/")
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=paths, path__startswith=self.path
            )
        }
        page, depth = self, 0
        while depth < len(paths) and (page is self or _routes_by_slug(page)):
            child = found.get(paths[depth])
            if child is None or child.depth != self.depth + depth + 1:
                break
            page, depth = child, depth + 1
        if page is self:
            return super().route(request, path_components)
        return page.specific.route(request, path_components[depth:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu()
        return context


def _routes_by_slug(page):
    """True where ``page`` leaves its address's rest to its children."""
    model = page.specific_class or Page
    return model.route is Page.route


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
