"""Admin dashboard: translations that wait for a librarian."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_localize.models import get_edit_url

from cooperation.localization import out_of_date_translations


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
