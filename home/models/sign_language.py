"""The Polish Sign Language page (PJM) and its recording: a video the library
hosts itself, with WebVTT captions and a poster, and a transcript on the
page."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES
from ..search import SearchText
from ..validators import CaptionsFileValidator, VideoFileValidator


@register_snippet
class SignLanguageRecording(models.Model):
    """A recording in Polish Sign Language: the video file (MP4 or WebM), its
    captions (WebVTT) and a still image shown before it plays. Served by the
    site itself, never by a video platform."""

    title = models.CharField(_("title"), max_length=200)
    video = models.FileField(
        _("video"),
        upload_to="pjm/",
        validators=[VideoFileValidator()],
        help_text=_("MP4 (H.264) or WebM, up to 300 MB."),
    )
    captions = models.FileField(
        _("captions"),
        upload_to="pjm/",
        validators=[CaptionsFileValidator()],
        help_text=_("A WebVTT file (.vtt) with the captions in Polish."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video starts, e.g. the interpreter."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("video"),
        FieldPanel("captions"),
        FieldPanel("poster"),
    ]

    class Meta:
        verbose_name = _("sign language recording")
        verbose_name_plural = _("sign language recordings")

    def __str__(self):
        return self.title

    def file_url(self, kind):
        """The site's own address of the video, captions or poster."""
        return reverse("sign_language_file", args=[self.pk, kind])

    @property
    def video_url(self):
        return self.file_url("video")

    @property
    def captions_url(self):
        return self.file_url("captions")

    @property
    def poster_url(self):
        return self.file_url("poster")

    @property
    def video_type(self):
        return "video/webm" if self.video.name.endswith(".webm") else "video/mp4"


class SignLanguagePage(SearchText, Page):
    """Information about the library in Polish Sign Language (PJM): the
    recording with captions, its transcript, and how to reach the library in
    PJM (from the library's settings)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )
    recording = models.ForeignKey(
        SignLanguageRecording,
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Until there is a recording, the page says how to contact the library "
            "in PJM."
        ),
    )
    transcript = RichTextField(
        _("transcript"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Everything the recording says, as text."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("recording"), FieldPanel("transcript")],
            heading=_("Recording"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("intro"),
        index.SearchField("transcript"),
    ]

    override_translatable_fields = [SynchronizedField("recording")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Polish Sign Language page")
        verbose_name_plural = _("Polish Sign Language pages")
