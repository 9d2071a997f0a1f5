"""The easy-to-read page ("tekst łatwy do czytania", ETR) that Polish law asks
of a public body's website, and the machine-readable file made from it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import machine_readable
from ..search import SearchText
from ..text import plain_text, readability

PICTOGRAMS = [
    ("library", _("Library building")),
    ("book", _("Book")),
    ("people", _("People together")),
    ("handshake", _("Handshake (cooperation)")),
    ("map", _("Place on a map")),
    ("calendar", _("Calendar")),
    ("contact", _("Letter and phone (contact)")),
]

GUIDANCE = _(
    "<p><strong>How to write easy-to-read text.</strong> Write short sentences: "
    "up to 10 words on average and never more than 15. Put one idea in one "
    "paragraph. Speak to the reader (“you can…”). Use everyday words; explain a "
    "hard word the first time you use it. Avoid abbreviations, foreign words, "
    "percentages, passive forms and long numbers. Give each section a short "
    "heading and a pictogram.</p><p>After you save, a message shows the average "
    "and longest sentence and the long words to replace.</p>"
)


class EasyReadSectionBlock(blocks.StructBlock):
    """One topic of an easy-to-read text: a short heading, a pictogram shown
    beside it and a few short paragraphs."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=80,
        help_text=_("A few words, e.g. 'Who we are'."),
    )
    pictogram = blocks.ChoiceBlock(
        label=_("Pictogram"),
        choices=PICTOGRAMS,
        default="book",
        help_text=_("The picture shown beside the section."),
        search_index=False,
    )
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "link"],
        help_text=_("One idea in each paragraph. Short sentences."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Easy-to-read section")
        template = "blocks/easy_read_section_block.html"
        description = _("A heading, a pictogram and short paragraphs.")
        preview_value = {
            "heading": "Kim jesteśmy",
            "pictogram": "library",
            "text": "<p>Jesteśmy biblioteką na Żoliborzu.</p>",
        }


class EasyReadPage(RoutablePageMixin, SearchText, Page):
    """Information about the library in easy-to-read text (ETR): short
    sentences, one idea per paragraph, a pictogram beside each section. Its
    text is also offered as a machine-readable file (.txt and .odt)."""

    body = StreamField(
        [("section", EasyReadSectionBlock())],
        verbose_name=_("sections"),
        use_json_field=True,
    )

    content_panels = Page.content_panels + [
        HelpPanel(content=GUIDANCE, heading=_("Easy-to-read text")),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.AutocompleteField("search_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("easy-to-read page")
        verbose_name_plural = _("easy-to-read pages")

    def sections(self):
        """(heading, plain text) of each section, in order."""
        return [
            (block.value["heading"], plain_text(block.value["text"].source))
            for block in self.body
            if block.block_type == "section"
        ]

    def plain_text(self):
        """The whole page as plain text: the sections' paragraphs, one a line."""
        return "\n".join(text for _heading, text in self.sections())

    def readability(self):
        return readability(self.plain_text())

    @path("")
    def page(self, request):
        return self.render(request)

    @path("pobierz/<str:file_format>/", name="file")
    def download(self, request, file_format):
        """The page's text as a machine-readable file: plain text or an
        OpenDocument text with real headings."""
        return machine_readable.response(self, file_format)
