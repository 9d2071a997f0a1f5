"""Rejection and approval, visible to the people concerned: the author finds the
moderator's name and comment ("Do poprawy") above the form, and the moderator
reads what happened ("Opublikowano" / "Odesłano do poprawy") instead of
Wagtail's generic "… została zaktualizowana"."""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import TaskState, WorkflowState


def rejection(instance):
    """The task state in which a moderator sent ``instance`` back, while the
    author has not resubmitted it; None otherwise."""
    state = (
        WorkflowState.objects.for_instance(instance)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .order_by("-created_at")
        .first()
    )
    return state.current_task_state if state is not None else None


def rejection_note(instance):
    """ "To correct." with who sent ``instance`` back, when, and why (HTML);
    None if it is not waiting for corrections."""
    task_state = rejection(instance)
    if task_state is None:
        return None
    who = get_user_display_name(task_state.finished_by) or _("a moderator")
    when = formats.date_format(timezone.localtime(task_state.finished_at), "j E Y, H:i")
    if task_state.comment:
        detail = _("%(who)s sent this back on %(when)s with the comment: “%(comment)s”")
        detail %= {"who": who, "when": when, "comment": task_state.comment}
    else:
        detail = _("%(who)s sent this back on %(when)s without a comment.")
        detail %= {"who": who, "when": when}
    return format_html("<strong>{}</strong> {}", _("To correct."), detail)


def show_rejection(request, instance):
    """A warning above the edit form: who sent it back, when, and why."""
    if request.method != "GET":
        return
    note = rejection_note(instance)
    if note is not None:
        messages.warning(request, note)


def _title(instance):
    return getattr(instance, "title", None) or str(instance)


def outcome_message(instance, action):
    """What happened after a moderator's "approve" or "reject"."""
    instance.refresh_from_db()
    title = _title(instance)
    if action == "reject":
        return _(
            "Sent back for correction: “%(title)s”. The author will see your "
            "comment at the top of the page."
        ) % {"title": title}
    if getattr(instance, "live", False) and not getattr(
        instance, "has_unpublished_changes", False
    ):
        return _("Published: “%(title)s”.") % {"title": title}
    return _("Approved: “%(title)s”.") % {"title": title}


def replace_confirmation(request, instance):
    """After a moderator's "approve" or "request changes" in the editor, the
    last success message says what happened to the page or organisation."""
    action = request.POST.get("workflow-action-name")
    if "action-workflow-action" not in request.POST or action not in (
        "approve",
        "reject",
    ):
        return
    text = outcome_message(instance, action)
    storage = messages.get_messages(request)
    earlier = list(storage)  # marks them as read; the kept ones are re-added
    replaced = False
    for message in reversed(earlier):
        if not replaced and message.level == messages.SUCCESS:
            message.message = text
            replaced = True
    if not replaced:
        earlier.append(messages.storage.base.Message(messages.SUCCESS, text))
    for message in earlier:
        messages.add_message(
            request, message.level, message.message, extra_tags=message.extra_tags
        )


class WorkflowActionMessageMiddleware:
    """Wagtail's workflow action view (the dashboard's "Awaiting your review"
    menu) approves or sends back without a word; this says what happened,
    as the editor does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method == "POST"
            and match is not None
            and match.url_name == "workflow_action"
            and response.status_code < 400
        ):
            self.say_what_happened(request, match.kwargs)
        return response

    @staticmethod
    def say_what_happened(request, kwargs):
        action = kwargs.get("action_name")
        if action not in ("approve", "reject"):
            return
        done = (
            TaskState.STATUS_APPROVED
            if action == "approve"
            else (TaskState.STATUS_REJECTED)
        )
        task_state = (
            TaskState.objects.filter(
                pk=kwargs.get("task_state_id"),
                finished_by=request.user,
                status=done,
            )
            .select_related("workflow_state")
            .first()
        )
        if task_state is None:
            return
        instance = task_state.workflow_state.content_object
        if instance is None:
            return
        instance = getattr(instance, "specific", instance)
        messages.success(request, outcome_message(instance, action))
