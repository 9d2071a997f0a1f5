"""Login lock-out (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
login name from one client address, or LOGIN_FAILURE_LIMIT_PER_ADDRESS from
one address across names, the login answers 429 in Polish, saying how long to
wait; moderators ("axes.delete_accessattempt") see and lift lock-outs under
Settings → Login lock-outs. The client address is read behind PROXY_COUNT
proxies (client_address)."""

import ipaddress
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.viewsets.model import ModelViewSet

LOCKED_OUT_STATUS = 429


def client_address(request):
    """AXES_CLIENT_IP_CALLABLE: the client's address as the proxies in front
    report it. Each of the PROXY_COUNT proxies (nginx: 1; nginx + Varnish: 2)
    appends the address it was connected from to X-Forwarded-For, so the
    client is that many entries from the right; anything a client wrote in
    the header itself stands further left and is never read. Without
    proxies, or with a header too short for them, the socket's address."""
    count = settings.PROXY_COUNT
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if count and len(forwarded) >= count:
        try:
            return str(ipaddress.ip_address(forwarded[-count]))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


class LockoutHandler(AxesDatabaseHandler):
    """AXES_HANDLER: two limits where axes has one. AXES_LOCKOUT_PARAMETERS
    counts failures per (login name, address), then per address; axes locks
    when the larger count reaches AXES_FAILURE_LIMIT, so the per-address
    count is scaled to that limit from LOGIN_FAILURE_LIMIT_PER_ADDRESS. A
    successful login clears only its own name's failures at that address."""

    def get_failures(self, request, credentials=None):
        # In the order of AXES_LOCKOUT_PARAMETERS: the pair, the address.
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = settings.AXES_FAILURE_LIMIT
        scaled = address * limit // settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        request.locked_by_address = scaled >= limit > pair
        return max(pair, scaled)

    def reset_user_attempts(self, request, credentials=None):
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count


def lockout_message(request):
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0
    if minutes and getattr(request, "locked_by_address", False):
        return ngettext(
            "Too many failed login attempts from this address: logging in from "
            "it is blocked for %(minutes)d minute. Try again later or ask a "
            "moderator to unlock it.",
            "Too many failed login attempts from this address: logging in from "
            "it is blocked for %(minutes)d minutes. Try again later or ask a "
            "moderator to unlock it.",
            minutes,
        ) % {"minutes": minutes}
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
