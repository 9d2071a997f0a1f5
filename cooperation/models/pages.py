"""Page types of the cooperation section and the rows partnership pages hold."""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
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
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock

from .. import street_finder
from ..forms import PartnershipPageForm
from ..localization import localize_many
from ..text import fold
from .snippets import PartnerOrganization, Sector

FIRST_FOUNDING_YEAR = 1990
# Must match the filter specs Wagtail stores for cooperation/includes/logo.html
# ({% picture format-{webp,png} max-240x160 %}), or prefetching silently misses.
LOGO_RENDITIONS = ["format-webp|max-240x160", "format-png|max-240x160"]


def current_year():
    return datetime.date.today().year


class MonthChoices(models.IntegerChoices):
    JANUARY = 1, _("January")
    FEBRUARY = 2, _("February")
    MARCH = 3, _("March")
    APRIL = 4, _("April")
    MAY = 5, _("May")
    JUNE = 6, _("June")
    JULY = 7, _("July")
    AUGUST = 8, _("August")
    SEPTEMBER = 9, _("September")
    OCTOBER = 10, _("October")
    NOVEMBER = 11, _("November")
    DECEMBER = 12, _("December")


class StreetType(models.TextChoices):
    STREET = "ulica", _("street (ul.)")
    AVENUE = "aleja", _("avenue (al.)")
    SQUARE = "plac", _("square (pl.)")
    EMBANKMENT = "wybrzeze", _("embankment (Wybrzeże)")
    ROUTE = "trasa", _("route (Trasa)")
    ROUNDABOUT = "rondo", _("roundabout (rondo)")


STREET_ABBREVIATIONS = {"ulica": "ul.", "aleja": "al.", "plac": "pl.", "rondo": "rondo"}


class PlaceKind(models.TextChoices):
    ESTATE = "estate", _("housing estate")
    PARK = "park", _("park or green area")
    LANDMARK = "landmark", _("landmark")


class CooperationPage(Page):
    """The "Współpraca" section: why local cooperation matters, with its
    sub-pages (partnerships, partner organisations) shown as teasers."""

    body = StreamField(
        BodyStreamBlock(), verbose_name=_("content"), blank=True, use_json_field=True
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "cooperation.PartnershipIndexPage",
        "cooperation.PartnerDirectoryPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("cooperation page")
        verbose_name_plural = _("cooperation pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context


class PartnershipIndexPage(Page):
    """ "Local partnerships in Żoliborz": what a local partnership is, who
    coordinates them, and the list of partnerships in founding order."""

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        use_json_field=True,
        help_text=_("What a local partnership is and why the library takes part."),
    )
    coordinator = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("coordinating organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that coordinates all the partnerships (OPS)."),
    )
    library_joined_year = models.PositiveSmallIntegerField(
        _("year the library joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_FOUNDING_YEAR)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("coordinator"), FieldPanel("library_joined_year")],
            heading=_("Coordination"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    override_translatable_fields = [
        SynchronizedField("coordinator"),
        SynchronizedField("library_joined_year"),
    ]

    parent_page_types = ["cooperation.CooperationPage"]
    subpage_types = ["cooperation.PartnershipPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("local partnerships page")
        verbose_name_plural = _("local partnerships pages")

    def clean(self):
        super().clean()
        if self.library_joined_year and self.library_joined_year > current_year():
            raise ValidationError(
                {"library_joined_year": _("The year cannot be in the future.")}
            )

    def get_partnerships(self):
        """Live partnerships in founding order, with everything the list shows
        fetched in a fixed number of queries however many there are."""
        return (
            PartnershipPage.objects.child_of(self)
            .live()
            .public()
            .order_by("founded_year", "founded_month", "path")
            .prefetch_related(
                Prefetch(
                    "logo",
                    queryset=get_image_model().objects.prefetch_renditions(
                        *LOGO_RENDITIONS
                    ),
                ),
                "places",
                "streets",
                "former_names",
            )
        )

    def get_coordinator(self):
        if not self.coordinator_id:
            return None
        return localize_many([self.coordinator], self.locale_id)[0]

    def find_street(self, query, partnerships):
        """The street finder's answer for ``query`` over the partnerships
        already loaded for the list (their streets are prefetched, so the
        finder costs no queries of its own)."""
        rows = [
            (partnership, street)
            for partnership in partnerships
            for street in partnership.streets.all()
        ]
        return street_finder.find(query, rows)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partnerships = list(self.get_partnerships())
        context["partnerships"] = partnerships
        context["coordinator"] = self.get_coordinator()
        query = request.GET.get("street")
        if query is not None:
            context["finder"] = self.find_street(query, partnerships)
            context["finder_query_shortened"] = (
                len(query.strip()) > street_finder.MAX_QUERY_LENGTH
            )
        context["street_names"] = sorted(
            {street.name for p in partnerships for street in p.streets.all()},
            key=fold,
        )
        context["street_query"] = street_finder.clean_query(query)
        context["street_max_length"] = street_finder.MAX_QUERY_LENGTH
        return context


class PartnershipPage(Page):
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
                    "former_names", label=_("Former name"), heading=_("Former names")
                ),
            ],
            heading=_("Founding and names"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")
        ),
        FieldPanel("body"),
    ]
    area_panels = [
        InlinePanel(
            "streets",
            label=_("Street"),
            heading=_("Streets that bound the area"),
            help_text=_(
                "In order around the area. Write the name as on the street sign, "
                "without 'ul.': 'Włościańska', 'Armii Krajowej'."
            ),
            min_num=1,
        ),
        InlinePanel(
            "places",
            label=_("Estate or landmark"),
            heading=_("Estates and landmarks in the area"),
        ),
    ]
    organisation_panels = [
        InlinePanel(
            "members",
            label=_("Organisation"),
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
        if self.logo_id and not (self.logo_alt or "").strip():
            errors["logo_alt"] = _("Describe the logo for people who cannot see it.")
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

    panels = [FieldRowPanel([FieldPanel("street_type"), FieldPanel("name")])]

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


class PartnerDirectoryPage(Page):
    """ "Who we work with": the partner organisations of this page's language,
    grouped by sector."""

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cooperation.CooperationPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory page")
        verbose_name_plural = _("partner directory pages")

    def get_organizations(self):
        return (
            PartnerOrganization.objects.filter(locale_id=self.locale_id, live=True)
            .prefetch_related(
                Prefetch(
                    "logo",
                    queryset=get_image_model().objects.prefetch_renditions(
                        *LOGO_RENDITIONS
                    ),
                )
            )
            .order_by("name")
        )

    def get_partnerships(self):
        """Live partnerships in this page's language, in founding order."""
        return list(
            PartnershipPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("founded_year", "founded_month", "path")
        )

    def get_memberships(self, partnerships):
        """Membership rows of ``partnerships``, each with its page and
        organisation, in one query."""
        by_id = {partnership.pk: partnership for partnership in partnerships}
        memberships = list(
            PartnershipMembership.objects.filter(page_id__in=list(by_id))
            .select_related("organization")
            .order_by("sort_order", "pk")
        )
        for membership in memberships:
            membership.partnership = by_id[membership.page_id]
        position = {page.pk: index for index, page in enumerate(partnerships)}
        memberships.sort(key=lambda m: (position[m.page_id], m.sort_order or 0))
        return memberships

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organizations = list(self.get_organizations())
        partnerships = self.get_partnerships()
        roles = {}
        for membership in self.get_memberships(partnerships):
            # Matched by translation key: a membership may still point at the
            # organisation in another language.
            roles.setdefault(membership.organization.translation_key, []).append(
                membership
            )
        for organization in organizations:
            organization.partnership_memberships = roles.get(
                organization.translation_key, []
            )
            organization.partnership_slugs = {
                m.partnership.slug for m in organization.partnership_memberships
            }
        context.update(
            directory_filters(
                request,
                organizations,
                partnerships,
                self.get_url(request) or request.path,
            )
        )
        return context


def directory_filters(request, organizations, partnerships, page_url):
    """The directory's filters by sector and by partnership: the chosen
    values, the options with their counts and links, the organisations that
    pass, grouped by sector, and a message for a value that is not valid."""
    sectors = dict(Sector.choices)
    by_slug = {partnership.slug: partnership for partnership in partnerships}
    messages = []

    sector = request.GET.get("sector", "").strip()
    if sector and sector not in sectors:
        messages.append(_("There is no such sector; showing every sector."))
        sector = ""
    partnership = request.GET.get("partnership", "").strip()
    if partnership and partnership not in by_slug:
        messages.append(_("There is no such partnership; showing every partnership."))
        partnership = ""
    chosen = {"sector": sector, "partnership": partnership}

    def in_sector(organization, value):
        return not value or organization.sector == value

    def in_partnership(organization, value):
        return not value or value in organization.partnership_slugs

    def link(**changes):
        params = {**chosen, **changes}
        query = urlencode({key: value for key, value in params.items() if value})
        return f"{page_url}?{query}" if query else page_url

    sector_options = [
        {
            "value": "",
            "label": _("All sectors"),
            "count": sum(in_partnership(o, partnership) for o in organizations),
            "url": link(sector=""),
            "current": not sector,
        }
    ]
    present = {organization.sector for organization in organizations}
    for value, label in Sector.choices:
        if value not in present:
            continue
        sector_options.append(
            {
                "value": value,
                "label": label,
                "count": sum(
                    o.sector == value and in_partnership(o, partnership)
                    for o in organizations
                ),
                "url": link(sector=value),
                "current": sector == value,
            }
        )
    partnership_options = [
        {
            "value": "",
            "label": _("All organisations"),
            "count": sum(in_sector(o, sector) for o in organizations),
            "url": link(partnership=""),
            "current": not partnership,
        }
    ]
    for page in partnerships:
        partnership_options.append(
            {
                "value": page.slug,
                "label": page.title,
                "count": sum(
                    page.slug in o.partnership_slugs and in_sector(o, sector)
                    for o in organizations
                ),
                "url": link(partnership=page.slug),
                "current": partnership == page.slug,
            }
        )

    shown = [
        o
        for o in organizations
        if in_sector(o, sector) and in_partnership(o, partnership)
    ]
    groups = []
    for value, label in Sector.choices:
        members = [o for o in shown if o.sector == value]
        if members:
            groups.append({"sector": value, "label": label, "organizations": members})
    return {
        "sector_groups": groups,
        "organization_count": len(shown),
        "filter_messages": messages,
        "sector_options": sector_options,
        "partnership_options": partnership_options,
        "chosen_sector": sectors.get(sector, ""),
        "chosen_partnership": by_slug.get(partnership),
        "is_filtered": bool(sector or partnership),
        "clear_filters_url": page_url,
    }
