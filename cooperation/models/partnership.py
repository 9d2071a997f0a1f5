"""A local partnership's page: when and by whom it was founded, its logo and
story; its rows (streets, places, former names, members) are in rows.py."""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock
from home.i18n import localize_many
from home.search import SearchText
from home.validators import phone_validator

from .. import structured_data
from ..approval import WaitingOrganisationsPanel
from ..compare import OrderedInlinePanel
from ..forms import PartnershipPageForm
from .choices import (
    FIRST_FOUNDING_YEAR,
    MonthChoices,
)
from .logo import LogoMixin
from .rows import PartnershipPlace, PartnershipStreet

_NAME_FIELDS = [index.SearchField("name"), index.AutocompleteField("name")]


class PartnershipPage(LogoMixin, SearchText, Page):
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
    # The person residents write to; messages from the join form go to
    # contact_email (else the library's e-mail).
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(
        _("their role"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'coordinator of the partnership'."),
    )
    contact_organisation = models.CharField(
        _("their organisation"), max_length=200, blank=True
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_(
            "Shown on the page; messages from the join form are sent here "
            "(empty: to the library's e-mail)."
        ),
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("Shown on the page only if filled in."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("founded_year"), FieldPanel("founded_month")]
                ),
                OrderedInlinePanel(
                    "former_names",
                    label=pgettext_lazy("row of a list", "Former name"),
                    heading=_("Former names"),
                ),
            ],
            heading=_("Founding and names"),
        ),
        LogoMixin.logo_panel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldPanel("contact_organisation"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
            ],
            heading=_("Contact person"),
        ),
    ]
    area_panels = [
        OrderedInlinePanel(
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
        OrderedInlinePanel(
            "places",
            label=pgettext_lazy("row of a list", "Estate or landmark"),
            heading=_("Estates and landmarks in the area"),
        ),
    ]
    organisation_panels = [
        WaitingOrganisationsPanel(),
        OrderedInlinePanel(
            "members",
            label=pgettext_lazy("row of a list", "Organisation"),
            heading=_("Initiators and member organisations"),
            help_text=_("Initiators first. Add a missing organisation under Snippets."),
        ),
    ]

    document_panels = [
        OrderedInlinePanel(
            "documents",
            label=pgettext_lazy("row of a list", "Document"),
            heading=_("Documents"),
            help_text=_(
                "The agreement, meeting minutes, yearly reports: PDF, ODT, DOCX, "
                "XLSX, ODS, CSV or TXT. Newest or most important first."
            ),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(area_panels, heading=_("Area and streets")),
            ObjectList(organisation_panels, heading=_("Organisations")),
            ObjectList(document_panels, heading=_("Documents")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = PartnershipPageForm

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        # The admin's page search is an autocomplete search too: it finds a
        # partnership by its streets, places and former names as written, and
        # (search_text) without diacritics, "krasinskiego".
        index.RelatedFields("streets", _NAME_FIELDS),
        index.RelatedFields("places", _NAME_FIELDS),
        index.RelatedFields("former_names", _NAME_FIELDS),
        index.AutocompleteField("search_text"),
        index.FilterField("founded_year"),
    ]

    override_translatable_fields = [
        SynchronizedField("founded_year"),
        SynchronizedField("founded_month"),
        SynchronizedField("logo"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
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

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            # Wagtail indexes on post_save, before the rows (streets,
            # members) are saved: index again with them. A draft's save
            # names its fields and leaves the published text indexed.
            index.insert_or_update_object(self)

    def search_keys(self):
        """Streets, estates and landmarks, former names and the member
        organisations' names, for site search."""
        streets = [street.display_name for street in self.streets.all()]
        rows = [*self.places.all(), *self.former_names.all()]
        organizations = [member.localized_organization for member in self.get_members()]
        return [
            *streets,
            *(row.name for row in rows),
            *(org.name for org in organizations),
            *(org.short_name for org in organizations),
            *(org.former_name for org in organizations),
        ]

    @classmethod
    def search_details(cls, pks):
        """Area and streets of each partnership in a page of search results,
        by page id (two queries: the places, the streets)."""
        found = {pk: ([], []) for pk in pks}
        for place in PartnershipPlace.objects.filter(page_id__in=pks):
            found[place.page_id][0].append(place.name)
        for street in PartnershipStreet.objects.filter(page_id__in=pks):
            found[street.page_id][1].append(street.display_name)
        return {
            pk: [(_("Area"), ", ".join(places)), (_("Streets"), " – ".join(streets))]
            for pk, (places, streets) in found.items()
        }

    @property
    def meta_description(self):
        """What search engines show where an editor wrote no description."""
        return _("%(title)s: a local partnership in Żoliborz, founded in %(year)s.") % {
            "title": self.title,
            "year": self.founded_year,
        }

    def structured_data(self, request):
        """schema.org JSON-LD (home.structured_data)."""
        return structured_data.partnership(self, request)

    @property
    def has_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone)

    @property
    def founded_iso(self):
        if self.founded_month:
            return f"{self.founded_year:04d}-{self.founded_month:02d}"
        return f"{self.founded_year:04d}"

    def get_members(self):
        """Member rows with the published version of each organisation, in
        this page's language where that is published (in a preview, the rows
        being edited). An organisation never published, or withdrawn, is left
        out: approving the page does not approve the organisations it lists."""
        members = list(self.members.all().select_related("organization"))
        organizations = localize_many(
            [member.organization for member in members], self.locale_id
        )
        shown = []
        for member, organization in zip(members, organizations, strict=True):
            if organization is not None and organization.live:
                member.localized_organization = organization
                shown.append(member)
        return shown

    def get_documents(self):
        """The documents in the editor's order, with their files (one query)."""
        return list(self.documents.all().select_related("document"))

    @cached_property
    def member_groups(self):
        """The initiators, then the other members, for the page's template."""
        members = self.get_members()
        return {
            "initiators": [m for m in members if m.is_initiator],
            "others": [m for m in members if not m.is_initiator],
        }


def reindex_partnerships(sender, instance, raw=False, **kwargs):
    """Partnership pages are found by their members' names: index them again
    when an organisation (in any language) is saved."""
    if raw:
        return
    pages = PartnershipPage.objects.filter(
        members__organization__translation_key=instance.translation_key
    ).distinct()
    for page in pages:
        index.insert_or_update_object(page)
