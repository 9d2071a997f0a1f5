"""A moderator reviews a translation in the translation editor: "Approve and
publish" publishes the strings on the screen, "Request changes" sends it back
with a comment the translator finds above the editor. Who may do either is
the workflow task's own rule (``Task.get_actions``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .moderation import save_translation_draft, translated_object
from .review import outcome_message

COMMENT_MAX_LENGTH = 2000


def review_actions(user, obj):
    """{"task_state", "actions"}: the workflow actions ``user`` may take on
    ``obj`` now (a subset of {"approve", "reject"}); None if none."""
    state = obj.current_workflow_state
    if state is None or not obj.workflow_in_progress:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    names = {
        name for name, _label, _modal in task_state.task.specific.get_actions(obj, user)
    }
    names &= {"approve", "reject"}
    if not names:
        return None
    return {"task_state": task_state, "actions": names}


def _translation_of(obj):
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key,
            target_locale_id=obj.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def _edit_url(kind, obj):
    if kind == "page":
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    meta = obj._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk]
    )


class ReviewTranslationView(View):
    """POST ``action`` (approve or reject) and ``comment``."""

    def post(self, request, kind, pk, action):
        obj = translated_object(kind, pk)
        if obj is None:
            raise Http404
        back = get_valid_next_url_from_request(request) or _edit_url(kind, obj)
        comment = request.POST.get("comment", "").strip()[:COMMENT_MAX_LENGTH]
        review = review_actions(request.user, obj)
        if review is None:
            if not obj.workflow_in_progress:
                messages.error(
                    request,
                    _("%(title)s is not waiting for a moderator any more.")
                    % {"title": _title(obj)},
                )
                return redirect(back)
            raise PermissionDenied
        if action not in review["actions"]:
            raise PermissionDenied
        if action == "reject" and not comment:
            messages.error(
                request,
                _(
                    "Write to the translator what to correct; the translation "
                    "was not sent back."
                ),
            )
            return redirect(back)
        if action == "approve":
            error = self._save_strings(request.user, obj)
            if error:
                messages.error(request, error)
                return redirect(back)
        task = review["task_state"].task.specific
        task.on_action(review["task_state"], request.user, action, comment=comment)
        messages.success(request, outcome_message(obj, action))
        return redirect(back)

    @staticmethod
    def _save_strings(user, obj):
        """What the moderator approves is what the editor shows: the
        translation's current strings become the revision the workflow
        publishes. An error message, or None."""
        from wagtail_localize.models import (
            MissingRelatedObjectError,
            MissingTranslationError,
        )

        translation = _translation_of(obj)
        if translation is None:
            return None
        total, translated = translation.get_progress()
        if translated < total:
            return _(
                "%(title)s is not finished: some texts are not translated yet. "
                "Send it back to the translator or translate them."
            ) % {"title": _title(obj)}
        try:
            save_translation_draft(translation, user)
        except ValidationError as error:
            return _("%(title)s could not be saved: %(error)s") % {
                "title": _title(obj),
                "error": "; ".join(error.messages),
            }
        except (MissingTranslationError, MissingRelatedObjectError):
            return _(
                "%(title)s uses a page or an organisation that is not translated "
                "yet. Translate that first."
            ) % {"title": _title(obj)}
        return None


def _title(obj):
    return obj.title if isinstance(obj, Page) else str(obj)
