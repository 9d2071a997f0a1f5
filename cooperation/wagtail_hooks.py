"""Admin registration of partner organisations as a snippet with useful
columns, filters and search."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganization


class PartnerOrganizationViewSet(SnippetViewSet):
    model = PartnerOrganization
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "short_name", "sector", "website"]
    list_filter = ["sector", "locale"]
    search_fields = ["name", "short_name", "former_name", "description"]
    ordering = ["name"]


register_snippet(PartnerOrganizationViewSet)
