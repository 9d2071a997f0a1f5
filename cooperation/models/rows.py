"""The rows a partnership page holds: the streets that bound its area, its
estates and landmarks, its former names and its member organisations. Each is
translatable; what is the same in every language is synchronised."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .choices import (
    FIRST_FOUNDING_YEAR,
    STREET_ABBREVIATIONS,
    PlaceKind,
    StreetType,
    current_year,
)
from .organizations import PartnerOrganization


class PartnershipStreet(TranslatableMixin, Orderable):
    """A street that bounds a partnership's area. Street names are the same in
    every language."""

    page = ParentalKey(
        "cooperation.PartnershipPage", on_delete=models.CASCADE, related_name="streets"
    )
    street_type = models.CharField(
        _("type"), max_length=10, choices=StreetType.choices, default=StreetType.STREET
    )
    name = models.CharField(
        _("street name"),
        max_length=120,
        help_text=_(
            "As on the street sign, without 'ul.' or 'al.': 'Włościańska', "
            "'Armii Krajowej'. For an embankment or a route write the whole name: "
            "'Wybrzeże Gdyńskie', 'Trasa Armii Krajowej'."
        ),
    )

    # The full rule is the help text of the whole list; each row repeats only
    # the short form, so a long list of streets stays easy to scan.
    panels = [
        FieldRowPanel(
            [
                FieldPanel("street_type"),
                FieldPanel(
                    "name", help_text=_("Without 'ul.' or 'al.', e.g. 'Włościańska'.")
                ),
            ]
        )
    ]

    translatable_fields = [
        SynchronizedField("street_type"),
        SynchronizedField("name"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("street")
        verbose_name_plural = _("streets")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        abbreviation = STREET_ABBREVIATIONS.get(self.street_type)
        if abbreviation and abbreviation != "rondo":
            return f"{abbreviation}\u00a0{self.name}"
        if abbreviation:
            return f"{abbreviation} {self.name}"
        return self.name

    def clean(self):
        # An empty name is the form's "required" error already: one message.
        super().clean()
        self.name = " ".join((self.name or "").split())


class PartnershipPlace(TranslatableMixin, Orderable):
    """A housing estate, park or landmark inside a partnership's area."""

    page = ParentalKey(
        "cooperation.PartnershipPage", on_delete=models.CASCADE, related_name="places"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=PlaceKind.choices, default=PlaceKind.ESTATE
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("E.g. 'Zatrasie' or 'Park Kaskada'.")
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("name")])]

    translatable_fields = [SynchronizedField("kind"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("estate or landmark")
        verbose_name_plural = _("estates and landmarks")

    def __str__(self):
        return self.name


class PartnershipFormerName(TranslatableMixin, Orderable):
    """A name the partnership used before, with the last year it was used."""

    page = ParentalKey(
        "cooperation.PartnershipPage",
        on_delete=models.CASCADE,
        related_name="former_names",
    )
    name = models.CharField(_("former name"), max_length=160)
    used_until = models.PositiveSmallIntegerField(
        _("used until (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_FOUNDING_YEAR)],
        help_text=_("The last year the old name was used, e.g. 2018."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("used_until")])]

    translatable_fields = [TranslatableField("name"), SynchronizedField("used_until")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.used_until and self.used_until > current_year():
            raise ValidationError(
                {"used_until": _("The year cannot be in the future.")}
            )


class PartnershipMembership(TranslatableMixin, Orderable):
    """An organisation taking part in a partnership, as initiator or member."""

    page = ParentalKey(
        "cooperation.PartnershipPage", on_delete=models.CASCADE, related_name="members"
    )
    organization = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    is_initiator = models.BooleanField(
        _("initiator"),
        default=False,
        help_text=_("Tick if the organisation founded or co-founded the partnership."),
    )
    role = models.CharField(
        _("role"),
        max_length=160,
        blank=True,
        help_text=_("Optional, e.g. 'coordinator' or 'through its branch no. 111'."),
    )

    panels = [
        FieldPanel("organization"),
        FieldRowPanel([FieldPanel("is_initiator"), FieldPanel("role")]),
    ]

    translatable_fields = [
        SynchronizedField("organization"),
        SynchronizedField("is_initiator"),
        TranslatableField("role"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self):
        return str(self.organization)
