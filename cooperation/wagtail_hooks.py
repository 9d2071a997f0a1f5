"""Admin registration of partner organisations as a snippet with useful
columns, filters and search."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from .models import PartnerOrganization
from .roles import only_translates


class PartnerOrganizationEditView(EditView):
    """Translators need the model's "change" permission to translate an
    organisation, and Django's permissions cannot be limited to a language:
    this view keeps them out of the Polish originals (their translations
    open in wagtail-localize's editor as usual)."""

    def get_object(self, queryset=None):
        organisation = super().get_object(queryset)
        if (
            only_translates(self.request.user)
            and organisation.locale_id == Locale.get_default().pk
        ):
            raise PermissionDenied
        return organisation


# issue-10b: the organisations list shows one language at a time.
class PartnerOrganizationIndexView(IndexView):
    """The list opens on the Polish organisations; Wagtail's language filter
    ("Język": polski / angielski / Wszystkie) switches, and a column names
    each row's language when all are shown."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "locale" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["locale"] = Locale.get_default().language_code
            kwargs["data"] = data
        return kwargs


class PartnerOrganizationViewSet(SnippetViewSet):
    model = PartnerOrganization
    edit_view_class = PartnerOrganizationEditView
    index_view_class = PartnerOrganizationIndexView
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "short_name",
        "sector",
        "website",
        LocaleColumn(label=_("Language")),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    # No "locale" here: Wagtail then adds its own language filter, which
    # agrees with the list's ?locale= parameter (a model filter on "locale"
    # sent ids that the list read as language codes: "not found").
    list_filter = ["sector"]
    # No `search_fields` here: the search box then uses the model's search
    # index (name, short name, former name, description). Listing fields here
    # makes Wagtail 8's SQLite search backend fail with "no such column".
    ordering = ["name"]


register_snippet(PartnerOrganizationViewSet)
