"""Partner organisations: the institutions, schools and groups the library and
the partnerships work with. Organisations only, never private persons."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.search import Result, weighted_text

from .choices import Sector
from .logo import LogoMixin


class PartnerOrganization(
    LogoMixin,
    WorkflowMixin,
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An organisation the library or a partnership works with. Editors pick
    organisations from this list as coordinators, initiators and members."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "The full official name, e.g. 'Ośrodek Pomocy Społecznej Dzielnicy "
            "Żoliborz m.st. Warszawy'."
        ),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("The abbreviation residents know, e.g. 'OPS' or 'ZGN'."),
    )
    former_name = models.CharField(
        _("former name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The name it had before, if people may still know it by that name, "
            "e.g. 'Gimnazjum nr 55'."
        ),
    )
    slug = models.SlugField(
        _("address fragment"),
        max_length=80,
        allow_unicode=False,
        blank=True,
        help_text=_(
            "Used in links to this organisation on the 'Who we work with' page. "
            "Filled in from the name if left empty."
        ),
    )
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.NGO
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=1200,
        help_text=_("Two or three sentences: what it does and how it works with us."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The full address, starting with https://"),
    )
    address = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_(
            "Street, number and postcode, e.g. 'ul. Słowackiego 19, 01-592 Warszawa'."
        ),
    )
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("sector")]),
                FieldPanel("former_name"),
                FieldPanel("description"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        LogoMixin.logo_panel(
            alt_help_text=_(
                "What a blind reader should hear instead of the logo, usually "
                "'Logo: ' and the organisation's name."
            )
        ),
        FieldPanel("slug"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("former_name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.AutocompleteField("search_text"),
        index.FilterField("name"),  # site search lists them by name
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("sector"),
    ]

    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sector"),
        SynchronizedField("website"),
        SynchronizedField("address"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organization_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        if self.short_name and self.short_name not in self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    @property
    def anchor(self):
        return f"org-{self.slug}"

    def search_text(self):
        """What site search matches (home.search), its name weighing most."""
        return weighted_text(
            [self.name, self.short_name],
            [self.former_name, self.address],
            [self.description],
        )

    def search_result(self, request):
        """A search result linking the organisation's entry in the directory."""
        # By name: the directory page's module imports this one.
        directory = apps.get_model("cooperation", "PartnerDirectoryPage")
        directory_url = directory.url_for_locale(self.locale_id, request)
        return Result(
            title=self.display_name,
            url=f"{directory_url}#{self.anchor}" if directory_url else "",
            kind_label=capfirst(self._meta.verbose_name),
            summary=self.description,
        )

    def clean(self):
        super().clean()
        if errors := self.logo_errors():
            raise ValidationError(errors)
        if not self.slug:
            self.slug = slugify(self.short_name or self.name)[:80] or "organizacja"
        duplicate = (
            PartnerOrganization.objects.filter(slug=self.slug, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
            if self.locale_id
            else False
        )
        if duplicate:
            raise ValidationError(
                {"slug": _("Another organisation already uses this address fragment.")}
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name or self.name)[:80] or "organizacja"
        super().save(*args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "cooperation/partner_organization_preview.html"
