"""The rows an event holds: the partnerships it belongs to and the partner
organisations that organise it. Both are the same in every language
(synchronised); the English page shows each in English where it exists."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cooperation.models import PartnerOrganization


class EventPartnership(TranslatableMixin, Orderable):
    """A local partnership an event belongs to."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="partnerships"
    )
    partnership = models.ForeignKey(
        "cooperation.PartnershipPage",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("partnership")]
    translatable_fields = [SynchronizedField("partnership")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return str(self.partnership)


class EventOrganiser(TranslatableMixin, Orderable):
    """A partner organisation that organises the event."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="organisers"
    )
    organization = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("organization")]
    translatable_fields = [SynchronizedField("organization")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")

    def __str__(self):
        return str(self.organization)
