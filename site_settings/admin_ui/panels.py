"""Dashboard panels and reminders: the librarians' guide, translations that
wait for a librarian, and the accessibility statement's yearly review (by 31
March) with the details the law requires that are still missing."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Locale
from wagtail_localize.models import get_edit_url

from home.models import AccessibilityStatementPage
from home.models.accessibility import REVIEW_DAY, REVIEW_MONTH

from ..models import SiteSettings
from .translation_status import out_of_date_translations


class GuidePanel(Component):
    name = "librarian_guide"
    order = 50
    template_name = "site_settings/admin/guide_panel.html"

    def get_context_data(self, parent_context):
        return {"guide_url": reverse("librarian_guide")}


class OutOfDateTranslationsPanel(Component):
    """Lists translations whose source changed after the last sync, or whose
    synced strings are not all translated; hidden when there are none."""

    name = "out_of_date_translations"
    template_name = "site_settings/admin/out_of_date_translations.html"
    order = 140

    def get_context_data(self, parent_context):
        # A fixed number of queries, however many translations (see
        # translation_status.out_of_date); the dashboard is seldom loaded.
        return {"rows": self.rows()}

    @staticmethod
    def rows():
        rows = []
        for row in out_of_date_translations():
            source_id = row["translation"].source_id
            rows.append(
                {
                    "source": str(row["source"]),
                    "target": str(row["target"]),
                    "language": row["translation"].target_locale.get_display_name(),
                    "changed": row["changed"],
                    "untranslated": row["untranslated"],
                    "sync_url": reverse(
                        "wagtail_localize:update_translations", args=[source_id]
                    ),
                    "edit_url": get_edit_url(row["target"]),
                }
            )
        return rows

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["rows"]:
            return ""
        return render_to_string(self.template_name, context)


def contact_fallbacks(statement):
    """The library's e-mail and phone (its settings), which the statement
    shows where its own contact fields are empty."""
    site = statement.get_site()
    contact = SiteSettings.for_site(site) if site else None
    return {
        "contact_email": getattr(contact, "email", ""),
        "contact_phone": getattr(contact, "phone", ""),
    }


def statement_warnings(statement, today=None):
    """What an editor must do about the statement, as sentences."""
    today = today or datetime.date.today()
    warnings = []
    if statement.review_due(today):
        deadline = datetime.date(today.year, REVIEW_MONTH, REVIEW_DAY)
        if today > deadline or statement.last_reviewed.year < today.year - 1:
            warnings.append(
                _(
                    "The accessibility statement's yearly review is overdue: the "
                    "law requires it by 31 March. Review the statement and enter "
                    "the date of the review."
                )
            )
        else:
            warnings.append(
                _(
                    "Review the accessibility statement by 31 March %(year)s, as "
                    "the law requires every year, and enter the date of the review."
                )
                % {"year": today.year}
            )
    missing = [
        str(label)
        for label in statement.missing_information(contact_fallbacks(statement))
    ]
    if missing:
        warnings.append(
            _("The accessibility statement still lacks: %(fields)s.")
            % {"fields": ", ".join(missing)}
        )
    return warnings


class StatementReminderPanel(Component):
    template_name = "site_settings/admin/statement_reminder_panel.html"
    order = 50

    def __init__(self, statement, warnings):
        self.statement = statement
        self.warnings = warnings

    def get_context_data(self, parent_context):
        return {"statement": self.statement, "warnings": self.warnings}


def editable_statements(user):
    """The live statements in the default language (Polish) ``user`` may
    edit. Translations follow their original (contact details, dates and
    the review are synchronised), so only the original is a reminder."""
    statements = AccessibilityStatementPage.objects.live().filter(
        locale=Locale.get_default()
    )
    return [
        statement
        for statement in statements.order_by("path")
        if statement.permissions_for_user(user).can_edit()
    ]


class ReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", naming an approval that publishes
    as the editor's menu does ("Approve and publish"), one name everywhere."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            if not state["task_state"].workflow_state.is_at_final_task:
                continue
            state["actions"] = [
                (
                    name,
                    _("%(label)s and Publish") % {"label": label}
                    if name == "approve"
                    else label,
                    modal,
                )
                for name, label, modal in state["actions"]
            ]
        return context
