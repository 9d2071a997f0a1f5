"""Rejection and approval, visible to the people concerned: the author finds the
moderator's name and comment ("Do poprawy") above the form, and the moderator
reads what happened ("Opublikowano" / "Odesłano do poprawy") instead of
Wagtail's generic "… została zaktualizowana"."""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState


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


def show_rejection(request, instance):
    """A warning above the edit form: who sent it back, when, and why."""
    if request.method != "GET":
        return
    task_state = rejection(instance)
    if task_state is None:
        return
    who = get_user_display_name(task_state.finished_by) or _("a moderator")
    when = formats.date_format(timezone.localtime(task_state.finished_at), "j E Y, H:i")
    if task_state.comment:
        text = format_html(
            "<strong>{}</strong> {}",
            _("To correct."),
            _("%(who)s sent this back on %(when)s with the comment: “%(comment)s”")
            % {"who": who, "when": when, "comment": task_state.comment},
        )
    else:
        text = format_html(
            "<strong>{}</strong> {}",
            _("To correct."),
            _("%(who)s sent this back on %(when)s without a comment.")
            % {"who": who, "when": when},
        )
    messages.warning(request, text)


def _title(instance):
    return getattr(instance, "title", None) or str(instance)


def replace_confirmation(request, instance):
    """After a moderator's "approve" or "request changes" in the editor, the
    last success message says what happened to the page or organisation."""
    action = request.POST.get("workflow-action-name")
    if "action-workflow-action" not in request.POST or action not in (
        "approve",
        "reject",
    ):
        return
    instance.refresh_from_db()
    title = _title(instance)
    if action == "reject":
        text = _(
            "Sent back for correction: “%(title)s”. The author will see your "
            "comment at the top of the page."
        ) % {"title": title}
    elif getattr(instance, "live", False) and not getattr(
        instance, "has_unpublished_changes", False
    ):
        text = _("Published: “%(title)s”.") % {"title": title}
    else:
        text = _("Approved: “%(title)s”.") % {"title": title}
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
