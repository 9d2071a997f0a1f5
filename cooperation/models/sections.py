"""The section pages of "Współpraca": the cooperation page, the list of
local partnerships (with the street finder) and the directory of partner
organisations."""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyStreamBlock
from home.i18n import memoise
from home.search import SearchText
from home.text import MAX_QUERY_LENGTH, clean_query, fold

from .. import street_finder, structured_data
from ..approval import WaitingOrganisationsPanel
from ..directory import directory_filters
from ..forms import PartnershipIndexPageForm
from .choices import FIRST_FOUNDING_YEAR, current_year
from .logo import prefetch_logo_renditions
from .organizations import PartnerOrganization
from .partnership import PartnershipPage
from .rows import PartnershipMembership


class CooperationPage(SearchText, Page):
    """The "Współpraca" section: why local cooperation matters, with its
    sub-pages (partnerships, partner organisations) shown as teasers."""

    body = StreamField(
        BodyStreamBlock(), verbose_name=_("content"), blank=True, use_json_field=True
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.AutocompleteField("search_text"),
    ]

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
        # A teaser shows a title, an address and a description: no
        # specific fields, so no query per page type.
        context["sections"] = self.get_children().live().public()
        return context


class PartnershipIndexPage(SearchText, Page):
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
            [
                WaitingOrganisationsPanel(),
                FieldPanel("coordinator"),
                FieldPanel("library_joined_year"),
            ],
            heading=_("Coordination"),
        ),
    ]
    base_form_class = PartnershipIndexPageForm

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.AutocompleteField("search_text"),
    ]

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
        """Live, public partnerships in founding order, with the streets,
        places and logo the list shows."""
        return (
            PartnershipPage.objects.child_of(self)
            .live()
            .public()
            .order_by("founded_year", "founded_month", "path")
            .prefetch_related("streets", "places", prefetch_logo_renditions())
        )

    def get_coordinator(self):
        """The published coordinating organisation, in this page's language
        where that is published, else as chosen; None while neither is
        published (one query)."""
        if not self.coordinator_id:
            return None

        chosen = PartnerOrganization.objects.filter(pk=self.coordinator_id)
        found = list(
            PartnerOrganization.objects.filter(
                Q(pk=self.coordinator_id, live=True)
                | Q(
                    translation_key__in=chosen.values("translation_key"),
                    locale_id=self.locale_id,
                    live=True,
                )
            )
        )
        found.sort(key=lambda org: org.locale_id != self.locale_id)
        return found[0] if found else None

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
        # Read where the template needs them: the list and the street names
        # are cached fragments, so a warm page reads them only for the finder.
        partnerships = self.get_partnerships()
        context["partnerships"] = partnerships
        query = request.GET.get("street")
        if query is not None:
            context["finder"] = self.find_street(query, partnerships)
            context["finder_query_shortened"] = len(query.strip()) > MAX_QUERY_LENGTH
        context["street_names"] = partial(street_names, partnerships)
        context["street_query"] = clean_query(query)
        context["street_max_length"] = MAX_QUERY_LENGTH
        return context


def street_names(partnerships):
    """Every street of ``partnerships``, once, in alphabetical order."""
    names = {street.name for p in partnerships for street in p.streets.all()}
    return sorted(names, key=fold)


class PartnerDirectoryPage(SearchText, Page):
    """ "Who we work with": the partner organisations of this page's language,
    grouped by sector."""

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.AutocompleteField("search_text"),
    ]

    parent_page_types = ["cooperation.CooperationPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory page")
        verbose_name_plural = _("partner directory pages")

    def get_organizations(self):
        """Live organisations in this page's language, by name, with logos."""
        return (
            PartnerOrganization.objects.filter(locale_id=self.locale_id, live=True)
            .order_by("name")
            .prefetch_related(prefetch_logo_renditions())
        )

    def structured_data(self, request):
        """schema.org JSON-LD (home.structured_data): the organisations."""
        return structured_data.directory(self, request)

    def get_partnerships(self):
        """Live, public partnerships in this page's language, in founding order."""
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
            PartnershipMembership.objects.filter(page_id__in=by_id)
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
        # Read inside the template's fragment, which is kept per filter.
        context["directory"] = SimpleLazyObject(lambda: self.get_directory(request))
        return context

    def get_directory(self, request):
        """The organisations, each with its partnerships, grouped and
        filtered as the query string asks (``directory_filters``)."""
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
        return directory_filters(
            request.GET,
            organizations,
            partnerships,
            self.get_url(request) or request.path,
        )

    @classmethod
    def pages_by_locale(cls, request=None):
        """Locale id -> the live directory page of that language, looked up
        once a request: every link to an organisation's entry needs it."""

        def find():
            pages = {}
            for page in cls.objects.live().public().order_by("path"):
                pages.setdefault(page.locale_id, page)
            return pages

        return memoise(request, "partner_directory_pages", find)

    @classmethod
    def url_for_locale(cls, locale_id, request=None):
        """The address of the directory in a language, or "" without one
        (once a request and language: every member of a partnership links it)."""

        def find():
            page = cls.pages_by_locale(request).get(locale_id)
            return (page.get_url(request) or "") if page is not None else ""

        return memoise(request, ("partner_directory_url", locale_id), find)
