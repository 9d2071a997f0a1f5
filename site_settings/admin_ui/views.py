"""Admin views of the site_settings app."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from cooperation.models import PartnerOrganization

from ..editorial.moderation import (
    CHANGES_REQUESTED,
    DRAFT,
    OUT_OF_DATE_LABEL,
    PUBLISHED,
    STATE_LABELS,
    out_of_date_keys,
    translation_states,
)
from .guide import render_guide


class AdminPageView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page whose breadcrumbs end with its own title (without it the
    header would read "Home")."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class GuideView(AdminPageView):
    """The librarians' guide (docs/poradnik.md) inside the admin."""

    page_title = _("Guide for librarians")
    header_icon = "help"
    template_name = "site_settings/admin/guide.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide_html"], context["guide_toc"] = render_guide()
        return context


class TranslationQueueView(AdminPageView):
    """What is translated and what is not: every page and partner
    organisation of the default language, with a "Translate" link or a link
    to its translation. Translators have no permission on the Polish tree, so
    this is how they reach the pages to translate."""

    page_title = _("Translations")
    header_icon = "globe"
    template_name = "site_settings/admin/translation_queue.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = Locale.get_default()
        targets = list(Locale.objects.exclude(pk=source.pk).order_by("language_code"))
        pages = Page.objects.filter(locale=source, depth__gt=1).order_by("path")
        page_translations = self._translations(
            Page.objects.filter(alias_of__isnull=True), targets
        )
        organisations = PartnerOrganization.objects.filter(locale=source)
        organisation_translations = self._translations(
            PartnerOrganization.objects.all(), targets
        )
        # Where each translation stands
        self.states = translation_states(
            Page, Page.objects.filter(pk__in=page_translations.values())
        ) | translation_states(
            PartnerOrganization,
            PartnerOrganization.objects.filter(
                pk__in=organisation_translations.values()
            ),
        )
        self.out_of_date = out_of_date_keys()
        context["targets"] = targets
        context["page_rows"] = [
            {
                "object": page,
                "indent": page.depth - 2,
                "cells": [
                    self._with_state(
                        self._page_cell(
                            page,
                            page_translations.get((page.translation_key, t.pk)),
                            t,
                        ),
                        "page",
                        page_translations.get((page.translation_key, t.pk)),
                        (page.translation_key, t.pk),
                    )
                    for t in targets
                ],
            }
            for page in pages
        ]
        context["organisation_rows"] = [
            {
                "object": organisation,
                "indent": 0,
                "cells": [
                    self._with_state(
                        self._organisation_cell(
                            organisation,
                            organisation_translations.get(
                                (organisation.translation_key, t.pk)
                            ),
                            t,
                        ),
                        "organisation",
                        organisation_translations.get(
                            (organisation.translation_key, t.pk)
                        ),
                        (organisation.translation_key, t.pk),
                    )
                    for t in targets
                ],
            }
            for organisation in organisations
        ]
        return context

    def _with_state(self, cell, kind, translated_pk, key):
        """The translation's state (draft, in moderation, changes
        requested, published), whether its original changed since, and
        where to send a draft to moderation."""
        if not translated_pk:
            return cell
        state = self.states.get(translated_pk, DRAFT)
        cell["state"] = state
        cell["state_label"] = STATE_LABELS[state]
        if key in self.out_of_date:
            cell["out_of_date_label"] = OUT_OF_DATE_LABEL
        if state in (DRAFT, CHANGES_REQUESTED) or (
            state == PUBLISHED and key in self.out_of_date
        ):
            cell["submit_url"] = reverse(
                "submit_translation_for_moderation", args=[kind, translated_pk]
            )
        return cell

    @staticmethod
    def _translations(queryset, targets):
        """{(translation key, locale id): pk} in one query."""
        rows = queryset.filter(locale__in=targets).values_list(
            "translation_key", "locale_id", "pk"
        )
        return {(key, locale_id): pk for key, locale_id, pk in rows}

    @staticmethod
    def _page_cell(page, translated_pk, locale):
        if translated_pk:
            url = reverse("wagtailadmin_pages:edit", args=[translated_pk])
            return {"translated": True, "url": url}
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return {
            "translated": False,
            "url": f"{url}?select_locale={locale.language_code}",
        }

    @staticmethod
    def _organisation_cell(organisation, translated_pk, locale):
        meta = PartnerOrganization._meta
        if translated_pk:
            url = reverse(
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
                args=[quote(translated_pk)],
            )
            return {"translated": True, "url": url}
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(organisation.pk)],
        )
        return {
            "translated": False,
            "url": f"{url}?select_locale={locale.language_code}",
        }
