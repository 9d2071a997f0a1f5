"""A local partnership's page and the rows it holds: streets that bound its
area, estates and landmarks, former names and member organisations."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock
from home.i18n import localize_many

from ..forms import PartnershipPageForm
from .choices import (
    FIRST_FOUNDING_YEAR,
    STREET_ABBREVIATIONS,
    MonthChoices,
    PlaceKind,
    StreetType,
    current_year,
)
from .logo import LogoMixin
from .organizations import PartnerOrganization


class PartnershipPage(LogoMixin, Page):
    """One local partnership: when and by whom it was founded, the streets
    that bound its area, its member organisations and its story."""

    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        validators=[MinValueValidator(FIRST_FOUNDING_YEAR)],
        help_text=_("Four digits, e.g. 2013."),
    )
    founded_month = models.PositiveSmallIntegerField(
        _("month founded"),
        null=True,
        blank=True,
        choices=MonthChoices.choices,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Leave empty if only the year is known."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("story and activities"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("founded_year"), FieldPanel("founded_month")]
                ),
                InlinePanel(
                    "former_names",
                    label=pgettext_lazy("row of a list", "Former name"),
                    heading=_("Former names"),
                ),
            ],
            heading=_("Founding and names"),
        ),
        LogoMixin.logo_panel(),
        FieldPanel("body"),
    ]
    area_panels = [
        InlinePanel(
            "streets",
            label=pgettext_lazy("row of a list", "Street"),
            heading=_("Streets that bound the area"),
            help_text=_(
                "In order around the area. Choose the type, then write the name as "
                "on the street sign, without 'ul.' or 'al.': 'Włościańska', 'Armii "
                "Krajowej'. For an embankment or a route write the whole name: "
                "'Wybrzeże Gdyńskie', 'Trasa Armii Krajowej'."
            ),
            min_num=1,
        ),
        InlinePanel(
            "places",
            label=pgettext_lazy("row of a list", "Estate or landmark"),
            heading=_("Estates and landmarks in the area"),
        ),
    ]
    organisation_panels = [
        InlinePanel(
            "members",
            label=pgettext_lazy("row of a list", "Organisation"),
            heading=_("Initiators and member organisations"),
            help_text=_("Initiators first. Add a missing organisation under Snippets."),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(area_panels, heading=_("Area and streets")),
            ObjectList(organisation_panels, heading=_("Organisations")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = PartnershipPageForm

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("streets", [index.SearchField("name")]),
        index.RelatedFields("places", [index.SearchField("name")]),
        index.RelatedFields("former_names", [index.SearchField("name")]),
        index.FilterField("founded_year"),
    ]

    override_translatable_fields = [
        SynchronizedField("founded_year"),
        SynchronizedField("founded_month"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
    ]

    parent_page_types = ["cooperation.PartnershipIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("local partnership")
        verbose_name_plural = _("local partnerships")

    def clean(self):
        super().clean()
        errors = {}
        today = datetime.date.today()
        if self.founded_year:
            if self.founded_year > today.year:
                errors["founded_year"] = _("The founding year cannot be in the future.")
            elif (
                self.founded_year == today.year
                and self.founded_month
                and self.founded_month > today.month
            ):
                errors["founded_month"] = _(
                    "The founding month cannot be in the future."
                )
        errors.update(self.logo_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def founded_iso(self):
        if self.founded_month:
            return f"{self.founded_year:04d}-{self.founded_month:02d}"
        return f"{self.founded_year:04d}"

    def get_members(self):
        """Member rows with each organisation in this page's language."""
        members = list(self.members.all().select_related("organization"))
        organizations = localize_many(
            [member.organization for member in members], self.locale_id
        )
        for member, organization in zip(members, organizations, strict=True):
            member.localized_organization = organization
        return members

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = self.get_members()
        context["initiators"] = [m for m in members if m.is_initiator]
        context["other_members"] = [m for m in members if not m.is_initiator]
        return context


class PartnershipStreet(TranslatableMixin, Orderable):
    """A street that bounds a partnership's area. Street names are the same in
    every language."""

    page = ParentalKey(
        PartnershipPage, on_delete=models.CASCADE, related_name="streets"
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
        super().clean()
        self.name = " ".join((self.name or "").split())
        if not self.name:
            raise ValidationError({"name": _("Enter the street name.")})


class PartnershipPlace(TranslatableMixin, Orderable):
    """A housing estate, park or landmark inside a partnership's area."""

    page = ParentalKey(PartnershipPage, on_delete=models.CASCADE, related_name="places")
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
        PartnershipPage, on_delete=models.CASCADE, related_name="former_names"
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
        PartnershipPage, on_delete=models.CASCADE, related_name="members"
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
