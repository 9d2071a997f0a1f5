"""The librarians' guide in the admin (its page, a menu item, a dashboard
panel) and the dashboard panel of translations that wait for a librarian."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_localize.models import get_edit_url

from cooperation.localization import out_of_date_translations

from .views import GuideView, TranslationQueueView


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


class GuidePanel(Component):
    name = "librarian_guide"
    order = 50
    template_name = "site_settings/admin/guide_panel.html"

    def get_context_data(self, parent_context):
        return {"guide_url": reverse("librarian_guide")}


@hooks.register("insert_global_admin_css")
def guide_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-guide.css")
    )


@hooks.register("construct_homepage_panels")
def add_guide_panel(request, panels):
    panels.append(GuidePanel())


class OutOfDateTranslationsPanel(Component):
    """Lists translations whose source changed after the last sync, or whose
    synced strings are not all translated; hidden when there are none."""

    name = "out_of_date_translations"
    template_name = "site_settings/admin/out_of_date_translations.html"
    order = 140

    def get_context_data(self, parent_context):
        rows = []
        for row in out_of_date_translations():
            source_id = row["translation"].source_id
            rows.append(
                {
                    **row,
                    "sync_url": reverse(
                        "wagtail_localize:update_translations", args=[source_id]
                    ),
                    "edit_url": get_edit_url(row["target"]),
                }
            )
        return {"rows": rows}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["rows"]:
            return ""
        return render_to_string(self.template_name, context)


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    panels.append(OutOfDateTranslationsPanel())
