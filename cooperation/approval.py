"""Organisations a page chooses that are not approved yet. Approving a page
does not publish them: the public site shows only each organisation's
published version. The page's editor and the moderator's review say which
chosen organisations wait, so nobody expects them on the live page."""

from django.apps import apps
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import Panel
from wagtail.models import WorkflowState

from home.i18n import memoise

# By name: the page models' panels import this module.
CHOOSING_MODELS = {"cooperation.partnershippage", "cooperation.partnershipindexpage"}

IN_MODERATION = "in_moderation"
CHANGES_REQUESTED = "changes_requested"
DRAFT = "draft"
WITHDRAWN = "withdrawn"

STATE_LABELS = {
    IN_MODERATION: pgettext_lazy("organisation state", "in moderation"),
    CHANGES_REQUESTED: pgettext_lazy("organisation state", "sent back for correction"),
    DRAFT: pgettext_lazy("organisation state", "draft, not sent to moderation"),
    WITHDRAWN: pgettext_lazy("organisation state", "unpublished"),
}


def _organisations():
    return apps.get_model("cooperation", "PartnerOrganization")


def chosen_ids(page):
    """Ids of the organisations ``page`` (as edited: rows held in memory)
    chooses: its coordinator and its members."""
    if type(page)._meta.label_lower not in CHOOSING_MODELS:
        return []
    ids = []
    if getattr(page, "coordinator_id", None):
        ids.append(page.coordinator_id)
    members = getattr(page, "members", None)
    if members is not None:
        ids += [row.organization_id for row in members.all() if row.organization_id]
    return list(dict.fromkeys(ids))


def _workflow_states(pks):
    rows = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(_organisations()),
        object_id__in=[str(pk) for pk in pks],
    )
    return dict(rows.values_list("object_id", "status"))


def waiting(page, request=None):
    """``(unpublished, changed)`` of the organisations ``page`` chooses:
    [(organisation, state label)] of those the public site leaves out, and
    [organisation] of published ones whose newer changes wait for approval
    (the site shows their published version). Two queries at most, once a
    request (the note above the form and the panel ask both)."""
    return memoise(request, ("waiting_organisations", page.pk), lambda: _waiting(page))


def _waiting(page):
    ids = chosen_ids(page)
    if not ids:
        return [], []
    found = _organisations().objects.in_bulk(ids)
    # In the page's language only: a translation's rows point at the
    # originals, and it shows the organisations' translations instead.
    chosen = [
        found[pk] for pk in ids if pk in found and found[pk].locale_id == page.locale_id
    ]
    pending = [org for org in chosen if not org.live or org.has_unpublished_changes]
    states = _workflow_states([org.pk for org in pending]) if pending else {}
    unpublished, changed = [], []
    for org in pending:
        status = states.get(str(org.pk))
        if org.live:
            changed.append(org)
            continue
        if status == WorkflowState.STATUS_IN_PROGRESS:
            state = IN_MODERATION
        elif status == WorkflowState.STATUS_NEEDS_CHANGES:
            state = CHANGES_REQUESTED
        elif org.first_published_at:
            state = WITHDRAWN
        else:
            state = DRAFT
        unpublished.append((org, STATE_LABELS[state]))
    return unpublished, changed


def _names(pairs):
    return format_html_join(", ", "<strong>{}</strong> ({})", pairs)


def notes(page, request=None):
    """The sentences that say which chosen organisations wait: HTML."""
    unpublished, changed = waiting(page, request)
    found = []
    if unpublished:
        found.append(
            format_html(
                "{} {}",
                _(
                    "These organisations are not approved yet and will not appear "
                    "on the published page until a moderator publishes them:"
                ),
                _names(unpublished),
            )
        )
    if changed:
        found.append(
            format_html(
                "{} {}",
                _(
                    "These organisations have changes that are not approved yet; "
                    "the published page shows their last published version:"
                ),
                format_html_join(", ", "<strong>{}</strong>", [(o,) for o in changed]),
            )
        )
    return found


class WaitingOrganisationsPanel(Panel):
    """A note above the chosen organisations naming those not approved yet;
    nothing when every one is published."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cooperation/admin/waiting_organisations.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.notes = notes(self.instance, self.request)

        def is_shown(self):
            return bool(self.notes)

        def show_panel_furniture(self):
            return False


def warn_in_editor(request, page):
    """Above the page's editor (the author's and the moderator's review):
    which chosen organisations wait for approval."""
    if request.method == "GET":
        for note in notes(page, request):
            messages.warning(request, note)


def warn_after_approval(request, page):
    """After a page is published or approved: what it does not show yet."""
    published = "action-publish" in request.POST or (
        request.POST.get("workflow-action-name") == "approve"
    )
    if not published:
        return
    unpublished, _changed = _waiting(page)
    if unpublished:
        messages.warning(
            request,
            format_html(
                "{} {}",
                _(
                    "The page is published without these organisations, which "
                    "are not approved yet:"
                ),
                _names(unpublished),
            ),
        )
