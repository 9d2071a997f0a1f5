"""A changed logo whose alternative text stayed the same is flagged: the text may
still describe the old picture. The save goes through (often the text, "Logo:
<name>", is still right); the librarian reads a warning naming the text to
check."""

from django.contrib import messages
from django.utils.translation import gettext as _


def _logo_and_alt(revision):
    content = revision.content if revision is not None else {}
    return content.get("logo"), (content.get("logo_alt") or "").strip()


def flag_stale_logo_alt(request, instance):
    if not hasattr(instance, "logo_alt") or not hasattr(instance, "revisions"):
        return
    latest, previous = (
        list(instance.revisions.order_by("-created_at", "-pk")[:2]) + [None, None]
    )[:2]
    if latest is None or previous is None:
        return
    old_logo, old_alt = _logo_and_alt(previous)
    new_logo, new_alt = _logo_and_alt(latest)
    if (
        old_logo
        and new_logo
        and old_logo != new_logo
        and old_alt
        and old_alt == new_alt
    ):
        messages.warning(
            request,
            _(
                "The logo has changed but its alternative text has not: check "
                "that “%(alt)s” describes the new logo."
            )
            % {"alt": new_alt},
        )
