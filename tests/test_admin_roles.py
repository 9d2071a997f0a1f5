"""The librarians' daily work through the real admin forms, each step done by
an ordinary account in its group: an editor creates a partnership and submits
it, a moderator publishes it, a translator translates it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    WorkflowContentType,
    WorkflowPage,
)

from cooperation.models import (
    CooperationPage,
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)
from cooperation.roles import (
    EDITORS,
    MODERATORS,
    TASK_NAME,
    TRANSLATORS,
    WORKFLOW_NAME,
    ensure_roles,
)

from .factories import (
    editor,
    logo_image,
    moderator,
    partnership_form_data,
    translator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_page(site_tree):
    return PartnershipIndexPage.objects.get(locale__language_code="pl")


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["cooperation", "partnershippage", parent.pk]
    )


def create_as_editor(client, index_page):
    client.force_login(editor())
    organizations = list(
        PartnerOrganization.objects.filter(locale__language_code="pl")[:2]
    )
    data = partnership_form_data(logo=logo_image(), organizations=organizations)
    response = client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = PartnershipPage.objects.get(slug="stary-zoliborz")
    return page, organizations


def test_groups_exist_from_the_migration_alone(db):
    """On a fresh database (no pages yet) the migration made the groups with
    their model permissions. First in the module, before ``site_tree``."""
    assert not CooperationPage.objects.exists()
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_partnerorganization"} <= codenames
    assert "publish_partnerorganization" not in codenames
    moderators = Group.objects.get(name=MODERATORS)
    assert moderators.permissions.filter(
        codename="publish_partnerorganization"
    ).exists()
    translators = Group.objects.get(name=TRANSLATORS)
    assert translators.permissions.filter(codename="submit_translation").exists()
    assert WorkflowContentType.objects.filter(
        content_type__model="partnerorganization", workflow__name=WORKFLOW_NAME
    ).exists()


def test_loader_grants_the_cooperation_section_and_is_idempotent(site_tree):
    section = CooperationPage.objects.get(locale__language_code="pl")
    granted = set(
        GroupPagePermission.objects.filter(page=section).values_list(
            "group__name", "permission__codename"
        )
    )
    assert (EDITORS, "change_page") in granted
    assert (EDITORS, "publish_page") not in granted
    assert (MODERATORS, "publish_page") in granted
    assert WorkflowPage.objects.get(page=section).workflow.name == WORKFLOW_NAME
    count = GroupPagePermission.objects.count()
    ensure_roles()
    assert GroupPagePermission.objects.count() == count


def test_editor_creates_partnership_and_submits_it_but_cannot_publish(
    client, index_page
):
    page, organizations = create_as_editor(client, index_page)

    assert not page.live
    assert [s.name for s in page.streets.all()] == ["Krasińskiego", "Wojska Polskiego"]
    assert [m.organization for m in page.members.all()] == organizations
    assert page.members.first().is_initiator
    assert page.logo is not None
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.current_task_state.task.name == TASK_NAME

    # Publishing directly is refused: the page stays a draft.
    data = partnership_form_data(
        logo=page.logo, organizations=organizations, action="action-publish"
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    assert not page.live
    assert not page.permissions_for_user(page.owner).can_publish()
    assert client.get(page.url).status_code == 404


def test_moderator_approves_and_the_partnership_appears_on_the_site(client, index_page):
    page, _organizations = create_as_editor(client, index_page)
    task_state = page.current_workflow_state.current_task_state

    client.force_login(moderator())
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert page.title in dashboard.content.decode()  # "awaiting your review"
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    client.logout()
    public = client.get("/wspolpraca/partnerstwa-lokalne/stary-zoliborz/")
    assert public.status_code == 200
    html = public.content.decode()
    assert "Krasińskiego" in html and "Wojska Polskiego" in html
    listing = client.get("/wspolpraca/partnerstwa-lokalne/").content.decode()
    assert "Stary Żoliborz" in listing


def test_editor_cannot_approve_its_own_submission(client, index_page):
    page, _organizations = create_as_editor(client, index_page)
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live


def test_editor_has_no_access_outside_the_cooperation_section(client, site_tree):
    client.force_login(editor())
    home = Page.objects.get(depth=2, locale__language_code="pl")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert response.status_code in (302, 403)


def test_editor_organisation_goes_to_moderation(client, site_tree):
    client.force_login(editor())
    url = reverse("wagtailsnippets_cooperation_partnerorganization:add")
    response = client.post(
        url,
        {
            "name": "Klub Seniora Sady",
            "short_name": "",
            "sector": "residents",
            "former_name": "",
            "description": "",
            "address": "",
            "website": "https://klub-seniora.example.org/",
            "logo": "",
            "logo_alt": "",
            "slug": "",
            "action-submit": "1",
        },
    )
    assert response.status_code == 302
    organization = PartnerOrganization.objects.get(name="Klub Seniora Sady")
    assert not organization.live
    assert organization.current_workflow_state.status == "in_progress"

    # Publishing directly is refused.
    client.post(
        reverse(
            "wagtailsnippets_cooperation_partnerorganization:edit",
            args=[organization.pk],
        ),
        {
            "name": "Klub Seniora Sady",
            "sector": "residents",
            "website": "https://klub-seniora.example.org/",
            "slug": organization.slug,
            "action-publish": "1",
        },
    )
    organization.refresh_from_db()
    assert not organization.live


def test_translator_translates_but_cannot_publish_polish_pages(
    client, index_page, django_capture_on_commit_callbacks
):
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    user = translator()
    client.force_login(user)
    english = Locale.objects.get(language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302
    translated = page.get_translation(english)
    # The English tree now exists and belongs to the translators.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert edit.status_code == 200
    assert translated.permissions_for_user(user).can_edit()
    assert not translated.permissions_for_user(user).can_publish()

    # The Polish page: no editing, no publishing.
    perms = page.permissions_for_user(user)
    assert not perms.can_edit() and not perms.can_publish()
    revision_before = page.live_revision_id
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Zmieniony tytuł", "action-publish": "1"},
    )
    page.refresh_from_db()
    assert page.title != "Zmieniony tytuł"
    assert page.live_revision_id == revision_before


def test_translator_translates_organisations_but_cannot_change_polish_ones(
    client, site_tree, django_capture_on_commit_callbacks
):
    organisation = PartnerOrganization.objects.get(slug="ops-zoliborz")
    client.force_login(translator())
    namespace = "wagtailsnippets_cooperation_partnerorganization"
    edit = reverse(f"{namespace}:edit", args=[organisation.pk])
    response = client.get(edit)
    assert response.status_code in (302, 403)
    client.post(edit, {"name": "Zmienione przez tłumacza", "sector": "public"})
    organisation.refresh_from_db()
    assert organisation.name != "Zmienione przez tłumacza"
    assert organisation.latest_revision.content["name"] != "Zmienione przez tłumacza"

    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["cooperation", "partnerorganization", organisation.pk],
            ),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302
    translated = organisation.get_translation(english)
    response = client.get(reverse(f"{namespace}:edit", args=[translated.pk]))
    assert response.status_code == 200
