"""Admin registration of partner organisations as a snippet with useful
columns, filters and search; the page editor's notes on chosen organisations
not approved yet (approval.py)."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from . import approval
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

    # Stale saves: two librarians, one organisation. Wagtail refuses only a
    # stale autosave; this refuses a stale ordinary save too, keeping the
    # librarian's input in the form.
    def is_valid(self, form):
        if not self.expects_json_response and self.is_out_of_date:
            latest = self.object.latest_revision
            author = (
                (latest.user.get_full_name() or latest.user.get_username())
                if latest.user
                else _("someone")
            )
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = _(
                "Your changes were not saved: %(user)s saved a newer version of "
                "this organisation (%(time)s) after you opened it. What you typed "
                "is still in the form below. Compare it with the newer version "
                "(History), then save again to replace that version, or reload "
                "the page to continue from it."
            ) % {
                "user": author,
                "time": date_format(
                    timezone.localtime(latest.created_at), "DATETIME_FORMAT"
                ),
            }
            form.is_valid()  # so the form shows what was typed, with its errors
            return False
        return super().is_valid(form)


# The organisations list shows one language at a time.
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
    menu_label = gettext_lazy("Partner organisations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "short_name",
        "sector",
        "website",
        LocaleColumn(label=gettext_lazy("Language")),
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


# Chosen organisations not approved yet: said above the page's editor, which
# is also the moderator's review, and after the page is published.
@hooks.register("before_edit_page")
def warn_of_waiting_organisations(request, page):
    approval.warn_in_editor(request, page)


@hooks.register("after_edit_page")
def warn_of_organisations_left_out(request, page):
    approval.warn_after_approval(request, page)
