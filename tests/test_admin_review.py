"""The admin beyond wording: rejection and approval visible to the
people concerned, a changed logo's old alternative text flagged, the
no-streets error in Polish, admin search by a street typed without
diacritics, the organisations list one language at a time, and no Wagtail
default groups beside the librarians' own. Each step through the admin
views, as an ordinary account of its group."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
)

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)
from cooperation.models.rows import PartnershipStreet
from cooperation.roles import MODERATORS, TASK_NAME, WORKFLOW_NAME
from site_settings.admin_ui.guide import GUIDE_PATH

from .factories import (
    editor,
    logo_image,
    moderator,
    partnership_form_data,
    translate_organizations,
)

pytestmark = pytest.mark.django_db

retirement = __import__(
    "site_settings.migrations.0005_polish_admin_names_and_no_default_groups",
    fromlist=["retire_default_groups"],
)


@pytest.fixture
def index_page(site_tree):
    return PartnershipIndexPage.objects.get(locale__language_code="pl")


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["cooperation", "partnershippage", parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submitted_partnership(client, index_page):
    """A partnership an editor created and sent to moderation."""
    author = editor()
    author.first_name, author.last_name = "Ewa", "Redaktorska"
    author.save()
    client.force_login(author)
    data = partnership_form_data(logo=logo_image())
    response = client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    return author, PartnershipPage.objects.get(slug="stary-zoliborz")


def named_moderator():
    user = moderator()
    user.first_name, user.last_name = "Anna", "Moderatorska"
    user.save()
    return user


def workflow_action(client, page, action, comment=""):
    """The moderator's choice in the page editor's action menu."""
    data = partnership_form_data(logo=page.logo, action="action-workflow-action")
    data["workflow-action-name"] = action
    data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(edit_url(page), data, follow=True)


def text(response):
    return response.content.decode()


def test_request_changes_shows_do_poprawy_with_the_moderators_name_and_comment(
    client, index_page
):
    author, page = submitted_partnership(client, index_page)
    client.force_login(named_moderator())
    response = workflow_action(client, page, "reject", "Dopisz ulicę Mickiewicza.")
    assert "Odesłano do poprawy: „Partnerstwo Lokalne Stary Żoliborz”" in text(response)
    assert "zaktualizowan" not in text(response)

    client.force_login(author)
    opened = text(client.get(edit_url(page)))
    assert "Do poprawy." in opened
    assert "Anna Moderatorska odesłał(a) tę zmianę" in opened
    assert "„Dopisz ulicę Mickiewicza.”" in opened
    # The author's own name is not given as the one who sent it back.
    assert "Ewa Redaktorska odesłał" not in opened

    # Once resubmitted, the notice is gone.
    resubmit = partnership_form_data(logo=page.logo, action="action-submit")
    assert client.post(edit_url(page), resubmit).status_code == 302
    assert "Do poprawy." not in text(client.get(edit_url(page)))


def test_request_changes_without_a_comment_says_so(client, index_page):
    author, page = submitted_partnership(client, index_page)
    client.force_login(named_moderator())
    workflow_action(client, page, "reject")
    client.force_login(author)
    assert "Anna Moderatorska odesłał(a) tę zmianę" in text(client.get(edit_url(page)))
    assert "bez komentarza" in text(client.get(edit_url(page)))


def test_approval_tells_the_moderator_it_is_published(client, index_page):
    _author, page = submitted_partnership(client, index_page)
    client.force_login(named_moderator())
    response = workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert "Opublikowano: „Partnerstwo Lokalne Stary Żoliborz”." in text(response)
    assert "zaktualizowan" not in text(response)


def test_a_new_logo_with_the_old_alt_text_is_flagged(client, index_page):
    _author, page = submitted_partnership(client, index_page)
    client.force_login(named_moderator())
    alt = "Logo Partnerstwa Lokalnego Stary Żoliborz"
    new_logo = logo_image("Nowe logo")
    data = partnership_form_data(logo=new_logo, logo_alt=alt, action=None)
    response = client.post(edit_url(page), data, follow=True)
    assert response.status_code == 200
    assert (
        f"Logo się zmieniło, a jego tekst alternatywny nie: sprawdź, czy „{alt}”"
        in (text(response))
    )

    # A new logo with a new text, or the same logo, is not flagged.
    data = partnership_form_data(
        logo=logo_image("Trzecie logo"), logo_alt="Logo: Stary Żoliborz", action=None
    )
    assert "Logo się zmieniło" not in text(
        client.post(edit_url(page), data, follow=True)
    )
    data = partnership_form_data(
        logo=PartnershipPage.objects.get(pk=page.pk).logo,
        logo_alt="Logo: Stary Żoliborz",
        action=None,
    )
    assert "Logo się zmieniło" not in text(
        client.post(edit_url(page), data, follow=True)
    )


def test_a_partnership_without_streets_is_refused_in_polish(client, index_page):
    client.force_login(editor())
    data = partnership_form_data(logo=logo_image(), streets=())
    response = client.post(add_url(index_page), data)
    assert response.status_code == 200
    page = text(response)
    assert "Dodaj co najmniej jedną ulicę." in page
    assert "co najmniej 1 formularz" not in page  # Django's formset wording
    assert not PartnershipPage.objects.filter(slug="stary-zoliborz").exists()


@pytest.mark.parametrize("query", ["krasinskiego", "Krasińskiego", "KRASINSKIEGO"])
def test_admin_search_finds_a_partnership_by_street_without_diacritics(
    client, index_page, query
):
    submitted_partnership(client, index_page)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert "Partnerstwo Lokalne Stary Żoliborz" in text(response)


def organisation_list(client, **params):
    url = reverse("wagtailsnippets_cooperation_partnerorganization:list")
    response = client.get(url, params)
    assert response.status_code == 200
    return text(response)


def test_organisation_list_shows_one_language_at_a_time(client, site_tree, english):
    copies = translate_organizations(english)
    polish = PartnerOrganization.objects.filter(locale__language_code="pl")
    assert len(copies) == polish.count() == 8
    client.force_login(moderator())

    default = organisation_list(client)
    assert all(organisation.name in default for organisation in polish)
    assert not any(copy.name in default for copy in copies)
    assert "Język" in default

    english_only = organisation_list(client, locale="en")
    assert all(copy.name in english_only for copy in copies)
    assert "EN " in english_only
    for organisation in polish:
        assert f">{organisation.name}<" not in english_only.replace("\n", "")

    everything = organisation_list(client, locale="")
    assert all(copy.name in everything for copy in copies)
    assert all(organisation.name in everything for organisation in polish)

    # The filter combines with the sector filter and never answers "not found".
    sector = polish.first().sector
    combined = organisation_list(client, locale="en", sector=sector)
    assert any(c.name in combined for c in copies if c.sector == sector)


def test_no_wagtail_default_groups_and_polish_names_in_the_tree(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    root = Page.objects.get(depth=1)
    assert root.title == "Wszystkie strony"
    assert Collection.objects.get(depth=1).name == "Wszystkie pliki"
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    # Wagtail's own workflow on the root is approved by the librarians'
    # moderators, not by a group nobody belongs to.
    for task in GroupApprovalTask.objects.all():
        assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).exists()


def test_a_default_group_with_members_only_loses_its_rights(db):
    group = Group.objects.create(name="Editors")
    group.user_set.add(get_user_model().objects.create_user("stara-redaktorka"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(depth=1),
        permission_type="change",
    )
    Group.objects.create(name="Moderators")

    retirement.retire_default_groups(apps, None)

    assert Group.objects.filter(name="Editors").exists()
    assert not GroupPagePermission.objects.filter(group__name="Editors").exists()
    assert not Group.objects.filter(name="Moderators").exists()


def test_the_guide_names_the_buttons_as_the_admin_shows_them():
    guide = GUIDE_PATH.read_text(encoding="utf-8")
    with translation.override("pl"):
        gettext = translation.gettext
        buttons = [
            gettext("Submit to %(workflow_name)s") % {"workflow_name": WORKFLOW_NAME},
            gettext("Resubmit to %(task_name)s") % {"task_name": TASK_NAME},
            gettext("%(label)s and Publish") % {"label": gettext("Approve")},
            gettext("%(label)s and Publish")
            % {"label": gettext("Approve with comment")},
            gettext("Request changes"),
            gettext("Save draft"),
            gettext("Publish"),
            gettext("Set schedule"),
            gettext("Schedule to publish"),
            gettext("Publish immediately"),
            gettext("Publish this version"),
        ]
        messages = [gettext("Add at least one street.")]
    for label in buttons:
        assert f"**{label}**" in guide, label
    for message in messages:
        assert message in guide
    # Where a click publishes, the guide says so.
    publishing = guide.split("## Te przyciski publikują od razu")[1].split("\n## ")[0]
    for label in buttons[2:4] + [buttons[6], buttons[9], buttons[10]]:
        assert f"**{label}**" in publishing, label
    for old in ["Akceptuj i Opublikuj", "Żądania zmian", "(dział Współpraca)**"]:
        assert old not in guide


def street_revision(page, names):
    """A new revision of ``page`` whose street list is ``names``, keeping the
    existing rows (and their ids) where the name is unchanged."""
    draft = page.get_latest_revision_as_object()
    existing = {street.name: street for street in draft.streets.all()}
    rows = []
    for order, name in enumerate(names):
        row = existing.get(name) or PartnershipStreet(street_type="ulica", name=name)
        row.sort_order = order
        rows.append(row)
    draft.streets = rows
    return draft.save_revision()


def compare_streets(client, page, revision_a, revision_b):
    url = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, revision_a.pk, revision_b.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    return text(response)


def test_moderation_diff_shows_an_inserted_street_as_an_insertion(client, site_tree):
    page = PartnershipPage.objects.filter(locale__language_code="pl").first()
    before = street_revision(page, ["Krasińskiego", "Mickiewicza", "Słowackiego"])
    inserted = street_revision(
        page, ["Broniewskiego", "Krasińskiego", "Mickiewicza", "Słowackiego"]
    )
    client.force_login(moderator())
    diff = compare_streets(client, page, before, inserted)
    assert diff.count("comparison__child-object addition") == 1
    assert "Przeniesiono" not in diff  # the rows below did not "move"

    swapped = street_revision(
        page, ["Broniewskiego", "Mickiewicza", "Krasińskiego", "Słowackiego"]
    )
    diff = compare_streets(client, page, inserted, swapped)
    assert "comparison__child-object addition" not in diff
    assert "Przeniesiono 1 miejsce w dół" in diff
