"""One page create form, one page: ``issue`` gives the create form a one-time
token when it renders (templates/wagtailadmin/pages/create.html),
``consume`` (after_create_page) ties it to the page the form made, and
``lead_to_created_page`` (before_create_page) sends a resubmit of that form
(a double click, an old tab) to that page. A deliberate second page comes
from a new form: a new page, or Wagtail's message that the address is taken.
Title, address and time never decide."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView

from site_settings.models import PageCreateToken

FIELD = "create_token"
# Tokens older than this are deleted; a form left open longer gets no
# protection against its own resubmit, only the slug check.
KEEP = timedelta(days=7)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def issue(request, parent):
    """The token this rendering of the create form carries: the one it
    posted (the form shown again with errors) while unused, else a new one."""
    posted = request.POST.get(FIELD, "") if request.method == "POST" else ""
    unused = PageCreateToken.objects.filter(
        key=posted, user=request.user, parent=parent, used_at__isnull=True
    )
    if posted and unused.exists():
        return posted
    PageCreateToken.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    token = PageCreateToken.objects.create(
        key=secrets.token_urlsafe(32), user=request.user, parent=parent
    )
    return token.key


def _posted_token(request, parent_page):
    """The posted token, locked until the request ends, so that two sends
    of one form run one after the other (each write request is one
    transaction, editorial/publishing.py)."""
    key = request.POST.get(FIELD, "")
    if not key:
        return None
    with transaction.atomic():
        return (
            PageCreateToken.objects.select_for_update()
            .filter(key=key, user=request.user, parent=parent_page)
            .first()
        )


def _carries_on(page, page_class, user):
    """True while the page is exactly what the form made: its one draft
    revision, its type, nobody's moderation or lock."""
    return (
        page.specific_class is page_class
        and not page.live
        and page.owner_id == user.pk
        and not page.workflow_in_progress
        and not page.locked
        and page.revisions.count() == 1
    )


def lead_to_created_page(request, parent_page, page_class):
    """before_create_page hook, see the module docstring."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    token = _posted_token(request, parent_page)
    if token is None or token.used_at is None:
        return None
    page = token.page
    if _wants_json(request):
        return JsonResponse(
            {
                "success": False,
                "error_code": "already_created",
                "error_message": _(
                    "This page has already been created. Open it from the page list."
                ),
            },
            status=400,
        )
    if page is not None and _carries_on(page, page_class, request.user):
        # The same form sent again (its last words, or another button):
        # saved on the page it made.
        return EditView.as_view()(request, page_id=page.pk)
    if page is None:
        messages.warning(
            request,
            _(
                "This form was already sent and the page it created has since "
                "been deleted. Nothing was saved."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "This form was already sent and created the page: %(title)s. "
                "Nothing new was created; the page is in the list below."
            )
            % {"title": page.get_admin_display_title()},
        )
    return redirect("wagtailadmin_explore", parent_page.pk)


def consume(request, page):
    """after_create_page hook: the posted token now names its page."""
    key = request.POST.get(FIELD, "") if request.method == "POST" else ""
    if key:
        PageCreateToken.objects.filter(
            key=key, user=request.user, used_at__isnull=True
        ).update(used_at=timezone.now(), page=page)
