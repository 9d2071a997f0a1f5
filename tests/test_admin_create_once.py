"""One create form, one page: the create form's one-time token, through the
admin views as non-superuser librarians. A form sent twice (a double click,
an old tab) leads to the page it made; a deliberate second page with the
same title is a new page or the slug message, and never changes the first."""

import re

import pytest
from django.urls import reverse

from cooperation.models import PartnershipPage
from site_settings.models import PageCreateToken

from .factories import (
    editor,
    in_polish,
    librarian,
    moderator,
    partnership_form_data,
)

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def create_url(parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=["cooperation", "partnershippage", parent.pk],
    )


def token_of(html):
    match = re.search(r'name="create_token" value="([^"]+)"', html)
    assert match, "the create form carries no token"
    return match.group(1)


def open_create_form(client, parent):
    """The create form as a librarian opens it: its token."""
    response = client.get(create_url(parent))
    assert response.status_code == 200
    return token_of(response.content.decode())


def pospiech(token, **fields):
    fields.setdefault("title", "Partnerstwo Pośpiech")
    fields.setdefault("slug", "partnerstwo-pospiech")
    data = partnership_form_data(**fields)
    return {**data, "create_token": token}


def slug_message(slug):
    return in_polish(
        "The slug '%(page_slug)s' is already in use within the parent page."
    ) % {"page_slug": slug}


def first_page_is_unchanged(page):
    page = PartnershipPage.objects.get(pk=page.pk)
    latest = page.get_latest_revision_as_object()
    assert latest.founded_year == 2020
    assert [street.name for street in latest.streets.all()] == ["Mickiewicza"]
    assert page.revisions.count() == 1


@pytest.fixture
def first_page(client, site_tree):
    """'Partnerstwo Pośpiech' (2020, ul. Mickiewicza) saved as a draft by an
    editor through the create form."""
    client.force_login(editor())
    token = open_create_form(client, site_tree.index)
    response = client.post(
        create_url(site_tree.index),
        pospiech(
            token, founded_year=2020, streets=[("ulica", "Mickiewicza")], action=None
        ),
    )
    assert response.status_code == 302
    page = PartnershipPage.objects.get(slug="partnerstwo-pospiech")
    assert PageCreateToken.objects.get(key=token).page_id == page.pk
    return page


def second_page(client, site_tree, **fields):
    token = open_create_form(client, site_tree.index)
    data = pospiech(
        token, founded_year=2011, streets=[("ulica", "Zupełnie Inna")], **fields
    )
    return client.post(create_url(site_tree.index), data)


def test_the_create_form_carries_a_new_token_each_time_it_opens(client, site_tree):
    client.force_login(editor())
    first = open_create_form(client, site_tree.index)
    second = open_create_form(client, site_tree.index)
    assert first != second
    assert PageCreateToken.objects.filter(used_at__isnull=True).count() == 2


@pytest.mark.parametrize("action", [None, "action-submit"])
def test_a_second_page_with_the_same_title_gets_the_slug_message(
    client, site_tree, first_page, action
):
    response = second_page(client, site_tree, action=action)
    assert response.status_code == 200  # the form again, as she filled it
    html = response.content.decode()
    assert slug_message("partnerstwo-pospiech") in html
    assert "Zupełnie Inna" in html
    assert 'value="2011"' in html
    assert PartnershipPage.objects.filter(title="Partnerstwo Pośpiech").count() == 1
    first_page_is_unchanged(first_page)


def test_a_second_page_with_another_address_is_a_new_page(
    client, site_tree, first_page
):
    response = second_page(client, site_tree, slug="pospiech-2", action=None)
    assert response.status_code == 302
    second = PartnershipPage.objects.get(slug="pospiech-2")
    assert second.pk != first_page.pk
    assert response.url == reverse("wagtailadmin_pages:edit", args=[second.pk])
    assert second.get_latest_revision_as_object().founded_year == 2011
    first_page_is_unchanged(first_page)


def test_a_second_page_never_turns_into_a_page_in_moderation(
    client, site_tree, first_page
):
    """The first page in moderation: the second create is the form with the
    slug message, not the first page's editor with its workflow buttons."""
    first_page.get_workflow().start(first_page, first_page.owner)
    response = second_page(client, site_tree, action=None)
    assert response.status_code == 200
    html = response.content.decode()
    assert slug_message("partnerstwo-pospiech") in html
    assert "action-cancel-workflow" not in html
    assert in_polish("The page could not be saved as it is locked.") not in html
    assert "Zupełnie Inna" in html
    first_page.refresh_from_db()
    assert first_page.workflow_in_progress
    first_page_is_unchanged(first_page)


@pytest.mark.parametrize("action", ["action-submit", None])
def test_a_create_form_sent_twice_makes_one_page(client, site_tree, action):
    client.force_login(editor())
    token = open_create_form(client, site_tree.index)
    data = pospiech(token, action=action)
    first = client.post(create_url(site_tree.index), data)
    again = client.post(create_url(site_tree.index), data, follow=True)
    assert first.status_code == 302
    assert again.status_code == 200
    pages = PartnershipPage.objects.filter(title="Partnerstwo Pośpiech")
    assert pages.count() == 1
    page = pages.get()
    if action:  # in moderation: the second send leads to the page list
        assert page.workflow_in_progress
        assert page.revisions.count() == 1
        assert again.redirect_chain[-1][0] == reverse(
            "wagtailadmin_explore", args=[site_tree.index.pk]
        )
        assert "Partnerstwo Pośpiech" in again.content.decode()
    else:  # a draft: the same form saved on the page it made
        assert again.redirect_chain[0][0] == reverse(
            "wagtailadmin_pages:edit", args=[page.pk]
        )
    assert slug_message("partnerstwo-pospiech") not in again.content.decode()


def test_an_autosave_then_a_submit_of_one_form_carry_on_with_its_page(
    client, site_tree
):
    client.force_login(editor())
    token = open_create_form(client, site_tree.index)
    autosave = client.post(
        create_url(site_tree.index), pospiech(token, action=None), **AUTOSAVE
    )
    assert autosave.status_code == 200 and autosave.json()["success"]
    submit = client.post(
        create_url(site_tree.index),
        pospiech(token, title="Partnerstwo Pośpiech, ostatnie słowo"),
    )
    assert submit.status_code == 302
    page = PartnershipPage.objects.get(slug="partnerstwo-pospiech")
    assert page.workflow_in_progress
    assert page.get_latest_revision().content["title"] == (
        "Partnerstwo Pośpiech, ostatnie słowo"
    )


def test_an_autosave_after_the_submit_is_refused(client, site_tree):
    client.force_login(editor())
    token = open_create_form(client, site_tree.index)
    submit = client.post(create_url(site_tree.index), pospiech(token))
    assert submit.status_code == 302
    late = client.post(
        create_url(site_tree.index), pospiech(token, action=None), **AUTOSAVE
    )
    assert late.status_code == 400
    assert late.json()["error_code"] == "already_created"
    page = PartnershipPage.objects.get(slug="partnerstwo-pospiech")
    assert page.workflow_in_progress and page.revisions.count() == 1


def test_a_form_shown_again_with_errors_keeps_its_token(client, site_tree):
    client.force_login(editor())
    token = open_create_form(client, site_tree.index)
    invalid = client.post(
        create_url(site_tree.index), pospiech(token, title="", action="action-submit")
    )
    assert invalid.status_code == 200
    assert token_of(invalid.content.decode()) == token
    assert client.post(create_url(site_tree.index), pospiech(token)).status_code == 302
    assert PageCreateToken.objects.get(key=token).page.slug == "partnerstwo-pospiech"


def test_another_librarians_token_leads_nowhere(client, site_tree, first_page):
    """A token belongs to the librarian whose form it is: a colleague's post
    carrying it is an ordinary create, which meets the slug message."""
    token = PageCreateToken.objects.get(page=first_page).key
    client.force_login(librarian("redaktor-2", "Redaktorzy"))
    response = client.post(
        create_url(site_tree.index), pospiech(token, founded_year=2011)
    )
    assert response.status_code == 200
    assert slug_message("partnerstwo-pospiech") in response.content.decode()
    first_page_is_unchanged(first_page)


def test_a_moderator_double_click_on_publish_publishes_one_page(client, site_tree):
    client.force_login(moderator())
    token = open_create_form(client, site_tree.index)
    data = pospiech(token, action="action-publish")
    assert client.post(create_url(site_tree.index), data).status_code == 302
    assert client.post(create_url(site_tree.index), data).status_code == 302
    page = PartnershipPage.objects.get(slug="partnerstwo-pospiech")
    assert page.live and page.revisions.count() == 1
