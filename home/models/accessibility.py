"""The accessibility statement ("deklaracja dostępności") that Polish law
requires of a public body's website, structured as the ministry's template
asks, and the yearly review it needs (by 31 March)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES
from ..search import SearchText
from ..validators import phone_validator

REVIEW_MONTH, REVIEW_DAY = 3, 31
REMINDER_MONTH = 3  # remind editors from 1 March


class ComplianceStatus(models.TextChoices):
    COMPLIANT = "compliant", _("compliant")
    PARTIALLY = "partially-compliant", _("partially compliant")
    NONCOMPLIANT = "noncompliant", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("self-assessment by the library")
    EXTERNAL = "external", _("audit by an outside organisation")


class InaccessibleContentBlock(blocks.StructBlock):
    """One piece of content that is not accessible, why, and what to do."""

    content = blocks.CharBlock(
        label=_("What is not accessible"),
        max_length=250,
        help_text=_("E.g. 'Scanned PDF documents from before 2018'."),
    )
    reason = blocks.TextBlock(
        label=_("Why, and what readers can do instead"),
        max_length=1000,
        help_text=_(
            "The reason (e.g. an exemption under the act) and how to get the "
            "content in an accessible form."
        ),
    )

    class Meta:
        icon = "warning"
        label = _("Inaccessible content")
        template = "blocks/inaccessible_content_block.html"
        description = _("A piece of content that does not meet WCAG 2.1 AA.")
        preview_value = {
            "content": "Skany dokumentów PDF",
            "reason": "Na prośbę udostępnimy je w dostępnej formie.",
        }


class AccessibilityStatementPage(SearchText, Page):
    """The "Deklaracja dostępności": the sections and element ids of the
    ministry's template. Review it every year by 31 March; the dashboard
    reminds editors from 1 March."""

    entity_name = models.CharField(
        _("name of the public body"),
        max_length=255,
        help_text=_("The library's full official name."),
    )
    website_url = models.URLField(
        _("website address"),
        blank=True,
        help_text=_("Leave empty to use this site's own address."),
    )
    publication_date = models.DateField(
        _("date the website was published"),
        help_text=_("When this website went online."),
    )
    last_update_date = models.DateField(
        _("date of the last significant update of the website"),
    )
    status = models.CharField(
        _("compliance with the act"),
        max_length=30,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIALLY,
    )
    inaccessible_content = StreamField(
        [("item", InaccessibleContentBlock())],
        verbose_name=_("inaccessible content"),
        blank=True,
        use_json_field=True,
        help_text=_("Required when the website is partially compliant or not."),
    )
    exemptions = RichTextField(
        _("exemptions"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Content the act exempts, e.g. content of third parties."),
    )
    prepared_date = models.DateField(_("date the statement was prepared"))
    reviewed_date = models.DateField(
        _("date of the last review of the statement"),
        null=True,
        blank=True,
        help_text=_(
            "Review the statement every year by 31 March and enter the date here."
        ),
    )
    assessment_method = models.CharField(
        _("the statement is based on"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    auditor = models.CharField(
        _("outside auditor"),
        max_length=255,
        blank=True,
        help_text=_("The organisation that audited the website, if any."),
    )
    keyboard_shortcuts = RichTextField(
        _("keyboard shortcuts"), features=RICH_TEXT_FEATURES, blank=True
    )
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Required by law: who readers write to about accessibility."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Required by law. Empty: the library's e-mail from Settings."),
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("Required by law. Empty: the library's phone from Settings."),
    )
    complaint_procedure = RichTextField(
        _("requests and complaints procedure"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The ministry's wording of the request and complaint procedure."),
    )
    architectural_accessibility = RichTextField(
        _("architectural accessibility"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "For each building: entrances, lifts, toilets, parking, assistance "
            "dogs, sign language interpreting."
        ),
    )
    mobile_apps = RichTextField(
        _("mobile applications"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("entity_name"), FieldPanel("website_url")],
            heading=_("Introduction"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("publication_date"), FieldPanel("last_update_date")]
                ),
            ],
            heading=_("Dates of the website"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("inaccessible_content"),
                FieldPanel("exemptions"),
            ],
            heading=_("Compliance status"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("prepared_date"), FieldPanel("reviewed_date")]
                ),
                FieldPanel("assessment_method"),
                FieldPanel("auditor"),
            ],
            heading=_("Preparation of the statement"),
        ),
        FieldPanel("keyboard_shortcuts"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
                FieldPanel("complaint_procedure"),
            ],
            heading=_("Feedback and contact details"),
        ),
        FieldPanel("architectural_accessibility"),
        FieldPanel("mobile_apps"),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("search_text"),
        index.SearchField("inaccessible_content"),
        index.SearchField("architectural_accessibility"),
    ]

    override_translatable_fields = [
        SynchronizedField("website_url"),
        SynchronizedField("publication_date"),
        SynchronizedField("last_update_date"),
        SynchronizedField("status"),
        SynchronizedField("prepared_date"),
        SynchronizedField("reviewed_date"),
        SynchronizedField("assessment_method"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        # An empty contact e-mail or phone falls back to the library's, from
        # the site settings, in the template (the floor does not read them).
        context = super().get_context(request, *args, **kwargs)
        # The site's address from the request's site root paths (no query).
        _site_id, root_url, _path = self.get_url_parts(request) or (None, "", None)
        context["statement_url"] = self.website_url or root_url
        return context

    @property
    def last_reviewed(self):
        return self.reviewed_date or self.prepared_date

    def review_due(self, today=None):
        """Whether editors must review the statement now: from 1 March when
        it has not been reviewed this year, and always when its last review
        is more than a year old."""
        return review_due(self.last_reviewed, today)

    def missing_information(self, fallbacks=None):
        """The legally required details still empty, as field labels.
        ``fallbacks`` maps a field name to the value used when the field is
        empty (the library's e-mail and phone from its settings)."""
        fallbacks = fallbacks or {}
        required = [
            "contact_person",
            "contact_email",
            "contact_phone",
            "architectural_accessibility",
        ]
        missing = [
            name
            for name in required
            if not (getattr(self, name) or fallbacks.get(name))
        ]
        return [self._meta.get_field(name).verbose_name for name in missing]


def review_due(last_reviewed, today=None):
    today = today or datetime.date.today()
    if last_reviewed is None:
        return True
    try:
        a_year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        a_year_ago = today.replace(year=today.year - 1, day=28)
    if last_reviewed < a_year_ago:
        return True
    reminder_starts = datetime.date(today.year, REMINDER_MONTH, 1)
    return last_reviewed.year < today.year and today >= reminder_starts


def review_deadline(today=None):
    today = today or datetime.date.today()
    deadline = datetime.date(today.year, REVIEW_MONTH, REVIEW_DAY)
    return deadline if today <= deadline else deadline.replace(year=today.year + 1)
