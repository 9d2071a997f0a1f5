"""Reminders to editors: the accessibility statement's yearly review (by 31
March) and the details the law requires that are still missing."""

import datetime

from django.contrib import messages
from django.utils.translation import gettext as _
from laces.components import Component
from wagtail import hooks

from .accessibility import REVIEW_DAY, REVIEW_MONTH, AccessibilityStatementPage


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
    missing = [str(label) for label in statement.missing_information()]
    if missing:
        warnings.append(
            _("The accessibility statement still lacks: %(fields)s.")
            % {"fields": ", ".join(missing)}
        )
    return warnings


class StatementReminderPanel(Component):
    template_name = "home/admin/statement_reminder_panel.html"
    order = 50

    def __init__(self, statement, warnings):
        self.statement = statement
        self.warnings = warnings

    def get_context_data(self, parent_context):
        return {"statement": self.statement, "warnings": self.warnings}


def editable_statements(user):
    for statement in AccessibilityStatementPage.objects.live().order_by("path"):
        if statement.permissions_for_user(user).can_edit():
            yield statement


@hooks.register("construct_homepage_panels")
def add_statement_reminder(request, panels):
    for statement in editable_statements(request.user):
        warnings = statement_warnings(statement)
        if warnings:
            panels.append(StatementReminderPanel(statement, warnings))


@hooks.register("before_edit_page")
def warn_on_statement_edit(request, page):
    if request.method == "GET" and isinstance(
        page.specific, AccessibilityStatementPage
    ):
        for warning in statement_warnings(page.specific):
            messages.warning(request, warning)
