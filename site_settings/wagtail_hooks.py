"""The admin extras for librarians, registered with Wagtail: the guide and
the translations list (pages, menu items), the dashboard panels, and the
accessibility statement's reminders."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.models import AccessibilityStatementPage

from .admin_extras.panels import (
    GuidePanel,
    OutOfDateTranslationsPanel,
    StatementReminderPanel,
    editable_statements,
    statement_warnings,
)
from .admin_extras.views import GuideView, TranslationQueueView


@hooks.register("register_admin_urls")
def register_guide_url():
    return [
        path("poradnik/", GuideView.as_view(), name="librarian_guide"),
        path(
            "do-tlumaczenia/",
            TranslationQueueView.as_view(),
            name="translation_queue",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_guide_menu_item():
    return MenuItem(
        _("Guide"),  # short: the sidebar cuts longer labels
        reverse("librarian_guide"),
        icon_name="help",
        order=10_000,
    )


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translation_queue"),
        icon_name="globe",
        order=9_000,
    )


@hooks.register("insert_global_admin_css")
def guide_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-guide.css")
    )


@hooks.register("construct_homepage_panels")
def add_guide_panel(request, panels):
    panels.append(GuidePanel())


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    panels.append(OutOfDateTranslationsPanel())


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


# Security hardening (issue 12): moderators see and lift login lock-outs.
@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    from .admin_extras.lockout import LockoutViewSet

    return LockoutViewSet("login_lockouts")
