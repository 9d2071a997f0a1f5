"""Admin registration of partner organisations as a snippet with useful
columns, filters and search."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganization


class PartnerOrganizationViewSet(SnippetViewSet):
    model = PartnerOrganization
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "short_name",
        "sector",
        "website",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["sector", "locale"]
    # No `search_fields` here: the search box then uses the model's search
    # index (name, short name, former name, description). Listing fields here
    # makes Wagtail 8's SQLite search backend fail with "no such column".
    ordering = ["name"]


register_snippet(PartnerOrganizationViewSet)
