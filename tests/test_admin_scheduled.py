"""A publication and an expiry planned ahead, as the librarians' roles do
it through the admin: an editor plans the dates and sends the page to
moderation (she cannot publish it, plan or not), a moderator approves, and
the page goes live when `publish_scheduled` runs after its moment and is
taken off the site after its expiry. The scheduler runs every minute in
production; here the planned moments are moved into the past instead of
waiting."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cooperation.models import PartnershipPage

from .factories import editor, moderator, partnership_form_data

pytestmark = pytest.mark.django_db

FORMAT = "%Y-%m-%d %H:%M"


def create_url(parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=["cooperation", "partnershippage", parent.pk],
    )


def planned(action, go_live, expire):
    data = partnership_form_data(
        title="Partnerstwo Na Później", slug="na-pozniej", action=action
    )
    data["go_live_at"] = timezone.localtime(go_live).strftime(FORMAT)
    data["expire_at"] = timezone.localtime(expire).strftime(FORMAT)
    return data


def public_status(client, page):
    client.logout()
    return client.get(page.url).status_code


def move_into_the_past(revision):
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])


@pytest.fixture
def submitted(client, site_tree):
    """An editor's new partnership planned for tomorrow, to expire in a
    week, sent to moderation. Her "publish" first is saved as a draft only."""
    now = timezone.now()
    go_live, expire = now + datetime.timedelta(days=1), now + datetime.timedelta(7)
    client.force_login(editor())
    response = client.post(
        create_url(site_tree.index), planned("action-publish", go_live, expire)
    )
    # Without the publish permission Wagtail saves a draft instead.
    assert response.status_code == 302
    page = PartnershipPage.objects.get(slug="na-pozniej")
    assert not page.live and not page.workflow_in_progress
    assert page.get_latest_revision().approved_go_live_at is None
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, planned("action-submit", go_live, expire))
    assert response.status_code == 302
    page = PartnershipPage.objects.get(slug="na-pozniej")
    assert page.workflow_in_progress and not page.live
    return page


def approve(client, page):
    client.force_login(moderator())
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code < 400


def test_an_approved_plan_goes_live_on_time_and_expires(client, submitted):
    page = submitted
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live  # not approved yet

    approve(client, page)
    page = PartnershipPage.objects.get(pk=page.pk)
    assert not page.live  # approved, waiting for its moment
    assert not page.workflow_in_progress
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)
    assert public_status(client, page) == 404
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live

    move_into_the_past(scheduled)
    call_command("publish_scheduled")
    page = PartnershipPage.objects.get(pk=page.pk)
    assert page.live and page.title == "Partnerstwo Na Później"
    assert page.expire_at is not None and page.expire_at > timezone.now()
    assert public_status(client, page) == 200

    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).live  # not expired yet
    Page.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    page = Page.objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert public_status(client, page) == 404


def test_an_unapproved_plan_never_goes_live(client, submitted):
    """Sent to moderation with a plan, never approved: the scheduler does
    not publish it, however late it runs."""
    page = submitted
    latest = page.get_latest_revision()
    assert latest.approved_go_live_at is None
    move_into_the_past(latest)
    latest.approved_go_live_at = None
    latest.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live


def test_a_planned_change_of_a_live_page_waits_for_its_moment(client, site_tree):
    """The live page stays as it is until the approved change's moment."""
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    before = page.title
    now = timezone.now()
    data = partnership_form_data(
        title="Kaskada po zmianach", slug=page.slug, action="action-submit"
    )
    data["go_live_at"] = timezone.localtime(now + datetime.timedelta(1)).strftime(
        FORMAT
    )
    client.force_login(editor())
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.post(edit, data).status_code == 302
    page.refresh_from_db()
    approve(client, page)
    page.refresh_from_db()
    assert page.live and page.title == before
    assert page.get_latest_revision().content["title"] == "Kaskada po zmianach"
    move_into_the_past(page.revisions.get(approved_go_live_at__isnull=False))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.title == "Kaskada po zmianach"
