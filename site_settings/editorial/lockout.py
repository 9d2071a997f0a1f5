"""Login lock-out (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
account from one address the login answers 429 in Polish, saying how long to
wait; moderators ("axes.delete_accessattempt") see and lift lock-outs under
Settings → Login lock-outs."""

import math

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.viewsets.model import ModelViewSet

LOCKED_OUT_STATUS = 429


def lockout_message(request):
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0
    if not minutes:
        return str(
            _(
                "Too many failed login attempts: this account is locked. Ask a "
                "moderator to unlock it."
            )
        )
    return ngettext(
        "Too many failed login attempts: this account is locked for "
        "%(minutes)d minute. Try again later or ask a moderator to unlock it.",
        "Too many failed login attempts: this account is locked for "
        "%(minutes)d minutes. Try again later or ask a moderator to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the admin's own login page with the message in
    place of "wrong password", status 429."""
    message = lockout_message(request)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if isinstance(original_response, TemplateResponse) and form is not None:
        form.errors.clear()
        form.add_error(None, message)
        original_response.status_code = LOCKED_OUT_STATUS
        original_response.content = original_response.rendered_content
        return original_response
    return HttpResponse(
        f"<!doctype html><title>429</title><p>{escape(message)}</p>",
        status=LOCKED_OUT_STATUS,
    )


class LockoutViewSet(ModelViewSet):
    """Settings → Login lock-outs: who failed to log in, from where, how often;
    deleting a row unlocks that account at that address."""

    model = AccessAttempt
    icon = "lock-open"
    menu_label = _("Login lock-outs")
    add_to_settings_menu = True
    name = "login_lockouts"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = []
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
        "attempt_time",
    ]
    search_backend_name = None  # not in the search index: plain queries
    copy_view_enabled = False
    # Never edited: only listed and deleted (moderators have no "add" or
    # "change" permission on it, so those views answer 403).
    form_fields = ["username"]
