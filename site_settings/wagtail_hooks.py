"""What the admin adds for librarians, registered with Wagtail: the guide and
translations list, dashboard panels and reminders (admin_ui/), and the
editorial rules: publishing, stale saves, review, lock-outs (editorial/)."""

from django.contrib import messages
from django.db.models.signals import pre_save
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.models import AccessibilityStatementPage
from home.open_data import OPEN_DATA_LICENCE
from home.structured_data import STRUCTURED_DATA

from .admin_ui.panels import (
    GuidePanel,
    OutOfDateTranslationsPanel,
    ReviewPanel,
    StatementReminderPanel,
    editable_statements,
    statement_warnings,
)
from .admin_ui.views import GuideView, TranslationQueueView
from .editorial import (
    concurrency,
    create_tokens,
    logo_alt,
    offered_actions,
    publishing,
    review,
)
from .editorial.lockout import LockoutViewSet
from .editorial.moderation import SubmitTranslationView
from .editorial.translation_review import ReviewTranslationView
from .structured_data import library, open_data_licence


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
def name_approvals_that_publish(request, panels):
    """ "Approve and publish" on the dashboard too (admin_ui/panels.py)."""
    panels[:] = [
        ReviewPanel() if panel.name == ReviewPanel.name else panel for panel in panels
    ]


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


# Publishing rights and stale saves: editorial/publishing.py and
# editorial/concurrency.py.


def _connect_publish_guard():
    """Refuse publishing by users without the right, for every page type and
    draftable snippet (pre_save is sent with the concrete model as sender)."""
    pre_save.connect(
        publishing.refuse_unpermitted_publish,
        dispatch_uid="site_settings_refuse_unpermitted_publish",
    )


_connect_publish_guard()


@hooks.register("register_admin_urls")
def register_safe_localize_urls():
    """Registered before wagtail-localize's own (site_settings comes first in
    INSTALLED_APPS), so these paths reach the safe views."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            publishing.SyncTranslationsView.as_view(),
            name="safe_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            publishing.convert_to_alias,
            name="safe_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/"
            "<int:overridable_segment_id>/edit/",
            offered_actions.edit_override,
            name="safe_edit_override",
        ),
        path(
            "do-tlumaczenia/do-moderacji/<str:kind>/<str:pk>/",
            SubmitTranslationView.as_view(),
            name="submit_translation_for_moderation",
        ),
        path(
            "do-tlumaczenia/przeglad/<str:kind>/<str:pk>/<str:action>/",
            ReviewTranslationView.as_view(),
            name="review_translation",
        ),
    ]


@hooks.register("before_create_page")
def lead_to_created_page(request, parent_page, page_class):
    return create_tokens.lead_to_created_page(request, parent_page, page_class)


# First: another hook's response would end the create before this one ran.
@hooks.register("after_create_page", order=-100)
def consume_create_token(request, page):
    create_tokens.consume(request, page)


@hooks.register("before_edit_page")
def refuse_stale_save(request, page):
    return concurrency.refuse_stale_save(request, page)


@hooks.register("insert_editor_js")
def save_what_is_typed_js():
    """Rich text typed just before a save is part of the save."""
    return format_html('<script src="{}"></script>', static("js/save-what-is-typed.js"))


@hooks.register("construct_page_action_menu")
def safe_primary_page_action(menu_items, request, context):
    """The first item is the editor's main button. wagtail-localize's "Convert
    to alias page" (order 0) becomes it whenever "Save draft" is not shown;
    it replaces the translation with the live original at once. Nobody who
    may not publish the page gets it, and for others it is never the main
    button."""
    page = context.get("page")
    convert = [item for item in menu_items if item.name == "localize-convert-to-alias"]
    if not convert:
        return
    for item in convert:
        menu_items.remove(item)
    if page is None or publishing.may_publish(request.user, page):
        menu_items.extend(convert)


@hooks.register("before_bulk_action")
def refuse_unoffered_bulk_action(request, action_type, objects, action):
    """Bulk actions a listing does not offer the user (offered_actions.py)."""
    return offered_actions.refuse_unoffered_bulk_action(
        request, action_type, objects, action
    )


# Polish wording the catalogs cannot reach, and rejection and approval made
# visible (editorial/review.py).


@hooks.register("insert_global_admin_js")
def admin_wording_js():
    return format_html(
        '<script src="{}" data-translation-heading="{}" data-more-actions="{}">'
        "</script>",
        static("js/admin-wording.js"),
        _("Translation: %(source)s → %(target)s"),
        _("More actions"),
    )


@hooks.register("insert_editor_js")
def row_names_js():
    """Repeated rows headed by what they hold (static/js/admin-row-names.js)."""
    return format_html('<script src="{}"></script>', static("js/admin-row-names.js"))


@hooks.register("insert_global_admin_js")
def upload_errors_js():
    """The multiple uploaders show the server's message for a failed upload."""
    return format_html('<script src="{}"></script>', static("js/upload-errors.js"))


@hooks.register("before_edit_page")
def show_page_rejection(request, page):
    review.show_rejection(request, page)


@hooks.register("before_edit_snippet")
def show_snippet_rejection(request, instance):
    review.show_rejection(request, instance)


@hooks.register("after_edit_page")
def confirm_page_review(request, page):
    review.replace_confirmation(request, page)


@hooks.register("after_edit_snippet")
def confirm_snippet_review(request, instance):
    review.replace_confirmation(request, instance)


@hooks.register("after_edit_page")
def flag_page_logo_alt(request, page):
    logo_alt.flag_stale_logo_alt(request, page)


@hooks.register("after_edit_snippet")
def flag_snippet_logo_alt(request, instance):
    logo_alt.flag_stale_logo_alt(request, instance)


# Moderators see and lift login lock-outs.
@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("login_lockouts")


# The library (schema.org Library) in the home page's JSON-LD, and the
# licence of the open data.
hooks.register(STRUCTURED_DATA, library)
hooks.register(OPEN_DATA_LICENCE, open_data_licence)
