"""The logo and its alternative text, shared by partnerships and partner
organisations, and the rendition prefetch that lists of logos use."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

# Must match the filter specs Wagtail stores for cooperation/includes/logo.html
# ({% picture format-{webp,png} max-240x160 %}), or prefetching silently misses.
LOGO_RENDITIONS = ["format-webp|max-240x160", "format-png|max-240x160"]


def prefetch_logo_renditions():
    """Prefetch each object's logo with the renditions a list shows. Never
    combine it with ``select_related("logo")``: that silently disables the
    rendition prefetch."""
    return Prefetch(
        "logo",
        queryset=get_image_model().objects.prefetch_renditions(*LOGO_RENDITIONS),
    )


class LogoMixin(models.Model):
    """A logo image and what a blind reader hears instead of it; the text is
    required whenever there is a logo."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alternative text"),
        max_length=200,
        blank=True,
        help_text=_(
            "What a blind reader hears instead of the logo, e.g. 'Logo of the "
            "Marymont-Kaskada partnership'. Required when there is a logo."
        ),
    )

    class Meta:
        abstract = True

    @classmethod
    def logo_panel(cls, alt_help_text=None):
        """The admin panel of both fields, with a help text of the model's own."""
        alt_panel = (
            FieldPanel("logo_alt", help_text=alt_help_text)
            if alt_help_text
            else FieldPanel("logo_alt")
        )
        return MultiFieldPanel([FieldPanel("logo"), alt_panel], heading=_("Logo"))

    def logo_errors(self):
        """Validation errors of the logo fields, as a dict for ValidationError."""
        if self.logo_id and not (self.logo_alt or "").strip():
            return {"logo_alt": _("Describe the logo for people who cannot see it.")}
        return {}
