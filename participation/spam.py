"""Spam without third parties: a honeypot field, a minimum time between
showing the form and sending it, and a limit of messages per client address.
Each check answers with a reason a person can act on, never silently."""

import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "participation.join-form"
# The form's hidden timestamp older than this is from an old tab: the
# resident is asked to send again, with everything typed kept.
MAX_FORM_AGE = 24 * 60 * 60

HONEYPOT = _(
    "The message was not sent: the form's hidden field “Website” was filled "
    "in, which programs sending spam do. If you are a person, clear that "
    "field (or use another browser) and send again."
)
TOO_FAST = _(
    "The message was not sent: it came a moment after the form opened, faster "
    "than a person can write. Check what you wrote and send it again."
)
TOO_OLD = _(
    "The message was not sent: the form was open for more than a day. What "
    "you wrote is below: send it again."
)
FLOOD = _(
    "The message was not sent: too many messages have come from your "
    "internet address in the last hour. What you wrote is below; please send "
    "it again later or write to the partnership's e-mail address."
)


def form_token():
    """The signed time at which the form is shown."""
    return signing.dumps(time.time(), salt=SALT)


def timing_problem(token):
    """Why a form shown at the signed time ``token`` may not be sent now, or
    None."""
    try:
        shown = float(signing.loads(token, salt=SALT, max_age=MAX_FORM_AGE))
    except signing.SignatureExpired:
        return TOO_OLD
    except (signing.BadSignature, TypeError, ValueError):
        return TOO_FAST
    if time.time() - shown < settings.PARTICIPATION_MIN_FILL_SECONDS:
        return TOO_FAST
    return None


def client_address(request):
    """The visitor's address as login throttling reads it (behind the proxy,
    from X-Forwarded-For; never a header a client could forge alone)."""
    return get_client_ip_address(request) or "unknown"


def rate_key(request):
    return f"participation:sent:{client_address(request)}"


def over_limit(request):
    count = cache.get(rate_key(request), 0)
    return count >= settings.PARTICIPATION_MAX_MESSAGES_PER_HOUR


def count_message(request):
    key = rate_key(request)
    if cache.add(key, 1, 60 * 60):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, 60 * 60)
