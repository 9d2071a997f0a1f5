"""A page's status as librarians name it, in the page listings, the
dashboard and the editor's header: "Do poprawy" and "W moderacji" while a
workflow holds it, "Opublikowana", "Opublikowana, zmiany w szkicu" and
"Szkic" otherwise (Wagtail's own words for scheduled and expired pages).
Listings prefetch the workflow states (``prefetch_workflow_states``), so
this adds no query there."""

from django.utils.translation import pgettext_lazy
from wagtail.models import WorkflowState

IN_MODERATION = pgettext_lazy("page state", "In moderation")
CHANGES_REQUESTED = pgettext_lazy("page state", "Changes requested")
LIVE = pgettext_lazy("page state", "Published")
LIVE_WITH_DRAFT = pgettext_lazy("page state", "Published, changes in a draft")
DRAFT = pgettext_lazy("page state", "Draft")


def page_status(page):
    """The label of ``page``'s status, as above."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_MODERATION
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if page.expired or page.approved_schedule:
        return page.status_string
    if not page.live:
        return DRAFT
    return LIVE_WITH_DRAFT if page.has_unpublished_changes else LIVE
