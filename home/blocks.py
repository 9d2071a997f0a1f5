"""The shared body StreamBlock every page type uses, and its blocks.

Each block has an icon, a template, translated labels, a description and a
preview value, so the block picker shows editors what it makes.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 for sections, level 3 for subsections."""

    text = blocks.CharBlock(
        label=_("Heading text"),
        max_length=120,
        help_text=_(
            "Short and descriptive: screen reader users jump between headings."
        ),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        help_text=_("Use H3 only under an H2, never to make text bigger."),
        search_index=False,  # a setting, not text: "Section (H2)" is not found
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A heading that starts a new section of the text.")
        preview_value = {"text": _("Why local cooperation matters"), "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted prose: paragraphs, lists and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Text"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Paragraphs of text with bold, italics, lists and links.")
        preview_value = (
            "<p>Działamy wspólnie i systemowo. Nie jesteśmy dla siebie konkurencją, "
            "lecz uzupełnieniem.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text, with an optional source."""

    text = blocks.TextBlock(label=_("Quotation"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=120,
        help_text=_(
            "A person's name only with their consent; an organisation is fine."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation set apart from the text.")
        preview_value = {
            "text": "Nie jesteśmy dla siebie konkurencją, lecz uzupełnieniem.",
            "attribution": "Biblioteka Publiczna w Dzielnicy Żoliborz",
        }


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alternative text a blind reader hears, and a caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_(
            "What the image shows, for people who cannot see it "
            "(e.g. 'Children reading in the library garden'). Leave empty only "
            "if the image is purely decorative and tick the box below."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Purely decorative image"),
        required=False,
        help_text=_("Tick only if the image adds no information to the text."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def get_preview_value(self):
        """The block picker's preview shows the library's first image (a
        preview needs a real image; with none uploaded there is no preview)."""
        image = get_image_model().objects.order_by("pk").first()
        if image is None:
            return super().get_preview_value()
        return self.normalize(
            {
                "image": image,
                "alt_text": image.title,
                "decorative": False,
                "caption": _("A caption under the image, e.g. who or what it shows."),
            }
        )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Describe the image for people who cannot see it, or "
                            "mark it as purely decorative."
                        )
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image_block.html"
        description = _("A photo or illustration with alternative text and a caption.")


class LinkBlock(blocks.StructBlock):
    """A prominent link to a page of this site or another website."""

    label = blocks.CharBlock(
        label=_("Link text"),
        max_length=120,
        help_text=_("Say where the link leads; avoid 'click here'."),
    )
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or an address on another website"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choose a page on this site or enter an address, not both.")
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"
        description = _("A prominent link to a page or another website.")
        preview_value = {
            "label": "Biuletyn Informacji Publicznej",
            "url": "https://example.org/",
        }


class BodyStreamBlock(blocks.StreamBlock):
    """The body every page type shares; sections extend it with their blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    link = LinkBlock()

    class Meta:
        block_counts = {}
