"""What a resident sent from a partnership's join form, and the privacy
notice (RODO art. 13) the form shows, one per language."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.validators import phone_validator

# Size limits of the form, kept by the model too.
NAME_MAX = 120
MESSAGE_MAX = 3000


class SenderKind(models.TextChoices):
    RESIDENT = "resident", _("resident")
    ORGANISATION = "organisation", _("organisation")
    INSTITUTION = "institution", _("institution")
    BUSINESS = "business", _("business")


class PartnershipMessage(models.Model):
    """A resident's request to join, or message to, a partnership: kept for
    the partnership's editors and deleted after the retention period."""

    partnership = models.ForeignKey(
        "cooperation.PartnershipPage",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="messages",
        help_text=_("The partnership's page in the default language."),
    )
    language = models.CharField(_("language"), max_length=7)
    name = models.CharField(_("name"), max_length=NAME_MAX)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[phone_validator]
    )
    sender_kind = models.CharField(
        _("who is writing"), max_length=20, choices=SenderKind.choices
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    delivered_to = models.EmailField(
        _("sent to"),
        blank=True,
        help_text=_("Empty: the e-mail could not be sent; the message is only here."),
    )

    class Meta:
        verbose_name = _("message from a resident")
        verbose_name_plural = _("messages from residents")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} – {self.partnership.title}"


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (the last
    day of that month where it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


@register_snippet
class JoinFormNotice(TranslatableMixin, models.Model):
    """The privacy notice (RODO art. 13) under the partnerships' join form,
    one per language. Without one, the form shows the library's standard
    notice."""

    body = RichTextField(
        _("privacy notice"),
        features=["bold", "italic", "link", "ol", "ul"],
        max_length=6000,
        help_text=_(
            "Controller, data protection officer, purpose, legal basis, how "
            "long messages are kept, the sender's rights and the right to "
            "complain to the President of UODO."
        ),
    )

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("join form privacy notice")
        verbose_name_plural = _("join form privacy notices")

    def __str__(self):
        return str(_("Join form privacy notice (%(language)s)")) % {
            "language": self.locale.get_display_name()
        }
