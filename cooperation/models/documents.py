"""A partnership's documents: its agreement, meeting minutes and yearly
reports, as Wagtail documents in a titled, ordered list, each shown with its
format, size and language ("PDF, 240 KB, po polsku")."""

from django.conf import settings
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

KB = 1024
MB = 1024 * KB


def size_label(size):
    """A file size as people read it: "830 B", "240 KB", "1,2 MB"."""
    if size is None:
        return ""
    if size < KB:
        return _("%(size)s B") % {"size": size}
    if size < MB:
        return _("%(size)s KB") % {"size": round(size / KB)}
    return _("%(size)s MB") % {"size": number_format(round(size / MB, 1), 1)}


class DocumentLanguage(models.TextChoices):
    POLISH = "pl", _("in Polish")
    ENGLISH = "en", _("in English")
    BOTH = "pl-en", _("in Polish and English")


class PartnershipDocument(TranslatableMixin, Orderable):
    """A document of a partnership, in the order the editor gives."""

    page = ParentalKey(
        "cooperation.PartnershipPage",
        on_delete=models.CASCADE,
        related_name="documents",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("As readers should see it, e.g. 'Partnership agreement (2014)'."),
    )
    language = models.CharField(
        _("language of the document"),
        max_length=5,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.POLISH,
    )

    panels = [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("language")]),
    ]

    translatable_fields = [
        SynchronizedField("document"),
        TranslatableField("title"),
        SynchronizedField("language"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    @property
    def format_label(self):
        return self.document.file_extension.upper()

    @property
    def size_label(self):
        return size_label(self.document.file_size)

    @property
    def hreflang(self):
        """The document's language where it is one (for the link)."""
        codes = {code for code, _name in settings.LANGUAGES}
        return self.language if self.language in codes else ""
