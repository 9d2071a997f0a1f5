"""Nothing is lost: revisions compare and restore for pages and organisations,
two people on one page are told about each other, scheduled publishing runs
from `publish_scheduled`; and the admin speaks Polish to a new account."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession

from cooperation.models import PartnerOrganization, PartnershipPage

from .factories import editor, moderator, partnership_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(site_tree):
    return PartnershipPage.objects.get(slug="marymont-kaskada")


def edit_form_data(page, **overrides):
    """The page's current values as its edit form would send them."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "founded_year": page.founded_year,
        "founded_month": page.founded_month,
        "logo": page.logo,
        "logo_alt": page.logo_alt,
        "streets": [(s.street_type, s.name) for s in page.streets.all()],
        "organizations": [m.organization for m in page.members.all()],
        "action": None,
    }
    values.update(overrides)
    return partnership_form_data(**values)


def test_admin_answers_in_polish_to_a_new_account(client, site_tree):
    user = editor()
    assert not hasattr(user, "wagtail_userprofile") or not (
        user.wagtail_userprofile.preferred_language
    )
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert "Kokpit" in html  # Wagtail's own Polish for "Dashboard"


def test_page_revisions_compare_and_restore(client, partnership):
    client.force_login(moderator())
    old_title = partnership.title
    url = reverse("wagtailadmin_pages:edit", args=[partnership.pk])
    response = client.post(
        url, edit_form_data(partnership, title="Zmieniony tytuł partnerstwa")
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    old_revision, new_revision = partnership.revisions.order_by("created_at")[:2]

    compare = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[partnership.pk, old_revision.pk, new_revision.pk],
        )
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Zmieniony tytuł partnerstwa" in html and old_title in html

    revert = client.get(
        reverse(
            "wagtailadmin_pages:revisions_revert",
            args=[partnership.pk, old_revision.pk],
        )
    )
    assert revert.status_code == 200
    assert revert.context["form"].initial["title"] == old_title


def test_organisation_revisions_compare_and_restore(client, site_tree):
    client.force_login(moderator())
    organisation = PartnerOrganization.objects.get(slug="ops-zoliborz")
    old_name = organisation.name
    namespace = "wagtailsnippets_cooperation_partnerorganization"
    response = client.post(
        reverse(f"{namespace}:edit", args=[organisation.pk]),
        {
            "name": "OPS – nowa nazwa",
            "short_name": organisation.short_name,
            "sector": organisation.sector,
            "website": organisation.website,
            "address": organisation.address,
            "slug": organisation.slug,
            "logo_alt": "",
        },
    )
    assert response.status_code == 302
    old_revision, new_revision = organisation.revisions.order_by("created_at")[:2]
    history = client.get(reverse(f"{namespace}:history", args=[organisation.pk]))
    assert history.status_code == 200
    compare = client.get(
        reverse(
            f"{namespace}:revisions_compare",
            args=[organisation.pk, old_revision.pk, new_revision.pk],
        )
    )
    assert compare.status_code == 200
    assert "OPS – nowa nazwa" in compare.content.decode()
    revert = client.get(
        reverse(
            f"{namespace}:revisions_revert",
            args=[organisation.pk, old_revision.pk],
        )
    )
    assert revert.status_code == 200
    assert old_name in revert.content.decode()


def test_two_people_editing_one_page_are_told(client, partnership):
    first, second = editor(), moderator()
    url = reverse("wagtailadmin_pages:edit", args=[partnership.pk])
    for user in (first, second):
        client.force_login(user)
        assert client.get(url).status_code == 200
    sessions = {s.user_id: s for s in EditingSession.objects.all()}
    assert set(sessions) == {first.pk, second.pk}

    ping = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", partnership.pk, sessions[second.pk].pk],
    )
    response = client.post(ping, {"is_editing": "1"})
    others = response.json()["other_sessions"]
    assert [other["user"] for other in others] == [first.get_username()]


def test_scheduled_publishing_runs_from_the_command(client, partnership):
    client.force_login(moderator())
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = edit_form_data(
        partnership, title="Partnerstwo po zmianach", action="action-publish"
    )
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[partnership.pk]), data
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.title != "Partnerstwo po zmianach"  # not yet
    scheduled = partnership.revisions.get(approved_go_live_at__isnull=False)

    call_command("publish_scheduled")
    partnership.refresh_from_db()
    assert partnership.title != "Partnerstwo po zmianach"

    # Two days later, the scheduler (cron, every minute) publishes it: move
    # the scheduled moment into the past instead of waiting.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    partnership.refresh_from_db()
    assert partnership.title == "Partnerstwo po zmianach"
