"""The section pages of "Współpraca": the cooperation page, the list of
local partnerships (with the street finder) and the directory of partner
organisations."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyStreamBlock
from home.chrome import chrome_for, public, run_prepared
from home.i18n import memoise
from home.text import MAX_QUERY_LENGTH, clean_query, fold

from .. import street_finder
from ..directory import directory_filters
from ..forms import PartnershipIndexPageForm
from .choices import FIRST_FOUNDING_YEAR, current_year
from .loading import load_logos, load_rows
from .organizations import PartnerOrganization
from .partnership import PartnershipPage
from .rows import PartnershipMembership


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
        # A teaser shows a title, an address and a description: no
        # specific fields, so no query per page type.
        context["sections"] = public(self.get_children().live())
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
    base_form_class = PartnershipIndexPageForm

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
        """Live partnerships in founding order (a list; the query prepared
        once, see run_prepared)."""
        return run_prepared(
            ("partnerships", self.depth),
            lambda pk, path: public(
                PartnershipPage.objects.child_of(
                    Page(pk=pk, path=path, depth=self.depth)
                )
                .live()
                .order_by("founded_year", "founded_month", "path")
            ),
            pk=self.pk,
            path=self.path,
        )

    def get_coordinator(self):
        """The coordinating organisation in this page's language where a live
        translation exists, else as chosen (one query)."""
        if not self.coordinator_id:
            return None

        def versions(coordinator_id, locale_id):
            chosen = PartnerOrganization.objects.filter(pk=coordinator_id)
            return PartnerOrganization.objects.filter(
                Q(pk=coordinator_id)
                | Q(
                    translation_key__in=chosen.values("translation_key"),
                    locale_id=locale_id,
                    live=True,
                )
            )

        found = run_prepared(
            ("coordinator",),
            versions,
            coordinator_id=self.coordinator_id,
            locale_id=self.locale_id,
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
        partnerships = load_rows(self.get_partnerships())
        load_logos(partnerships)
        context["partnerships"] = partnerships
        context["coordinator"] = self.get_coordinator()
        query = request.GET.get("street")
        if query is not None:
            context["finder"] = self.find_street(query, partnerships)
            context["finder_query_shortened"] = len(query.strip()) > MAX_QUERY_LENGTH
        context["street_names"] = sorted(
            {street.name for p in partnerships for street in p.streets.all()},
            key=fold,
        )
        context["street_query"] = clean_query(query)
        context["street_max_length"] = MAX_QUERY_LENGTH
        return context


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
        """Live organisations in this page's language, by name (a list; the
        queries of the directory are prepared once, see run_prepared)."""
        return run_prepared(
            ("directory_organizations",),
            lambda locale_id: PartnerOrganization.objects.filter(
                locale_id=locale_id, live=True
            ).order_by("name"),
            locale_id=self.locale_id,
        )

    def get_partnerships(self):
        """Live partnerships in this page's language, in founding order."""
        return run_prepared(
            ("directory_partnerships",),
            lambda locale_id: (
                public(PartnershipPage.objects.live())
                .filter(locale_id=locale_id)
                .order_by("founded_year", "founded_month", "path")
            ),
            locale_id=self.locale_id,
        )

    def get_memberships(self, partnerships):
        """Membership rows of ``partnerships``, each with its page and
        organisation, in one query."""
        by_id = {partnership.pk: partnership for partnership in partnerships}
        memberships = run_prepared(
            ("directory_memberships", len(by_id)),
            lambda **pages: (
                PartnershipMembership.objects.filter(page_id__in=list(pages.values()))
                .select_related("organization")
                .order_by("sort_order", "pk")
            ),
            **{f"page_{index}": pk for index, pk in enumerate(by_id)},
        )
        for membership in memberships:
            membership.partnership = by_id[membership.page_id]
        position = {page.pk: index for index, page in enumerate(partnerships)}
        memberships.sort(key=lambda m: (position[m.page_id], m.sort_order or 0))
        return memberships

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organizations = list(self.get_organizations())
        load_logos(organizations)
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
                request.GET,
                organizations,
                partnerships,
                self.get_url(request) or request.path,
            )
        )
        return context

    @classmethod
    def pages_by_locale(cls, request=None):
        """Locale id -> the live directory page of that language, looked up
        once a request: every link to an organisation's entry needs it."""

        def find():
            chrome = chrome_for(request)
            if chrome is not None:
                # Read with the page itself (CooperationConfig.ready).
                kind = ContentType.objects.get_for_model(cls)
                rows = [row for row in chrome.pages if row.content_type_id == kind.pk]
                return {
                    row.locale_id: row
                    for row in reversed(rows)
                    if row.live and not row.private
                }
            pages = {}
            for page in public(cls.objects.live()).order_by("path"):
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
