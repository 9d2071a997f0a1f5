"""Two librarians, one page: ``refuse_stale_save`` (``before_edit_page``)
refuses a save from a form loaded before someone saved a newer revision,
keeping what the librarian typed. (Autosave is off,
``WAGTAIL_AUTOSAVE_INTERVAL = 0``; a resent create form is
editorial/create_tokens.py.)"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def is_stale(request, page):
    """True when the form was loaded from a revision older than the page's
    latest one (the hidden fields every Wagtail edit form carries)."""
    loaded_id = request.POST.get("loaded_revision_id")
    if not loaded_id:
        return False
    latest = page.get_latest_revision()
    if latest is None:
        return False
    if loaded_id != str(latest.pk):
        return True
    loaded_at = request.POST.get("loaded_revision_created_at")
    return bool(loaded_at) and loaded_at != latest.created_at.isoformat()


class StaleSaveEditView(EditView):
    """The page editor showing what the librarian posted, saving nothing."""

    def post(self, request, *args, **kwargs):
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        latest = self.page.get_latest_revision()
        author = (
            (latest.user.get_full_name() or latest.user.get_username())
            if latest.user
            else _("someone")
        )
        messages.error(
            request,
            _(
                "Your changes were not saved: %(user)s saved a newer version "
                "of this page (%(time)s) after you opened it. What you typed "
                "is still in the form below. Compare it with the newer version "
                "(History), then save again to replace that version, or reload "
                "the page to continue from it."
            )
            % {
                "user": author,
                "time": date_format(
                    timezone.localtime(latest.created_at), "DATETIME_FORMAT"
                ),
            },
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


def refuse_stale_save(request, page):
    """before_edit_page hook, see the module docstring."""
    if request.method != "POST" or getattr(request, "stale_save_checked", False):
        return None
    request.stale_save_checked = True
    # Wagtail refuses stale autosaves itself ("invalid_revision").
    if _wants_json(request) or not is_stale(request, page):
        return None
    return StaleSaveEditView.as_view()(request, page_id=page.pk)
