"""Partner organisations in the admin as a librarian uses them: the list with
search, sector filter and columns; preview; drafts; choosers that open on the
page's language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)

from .factories import editor

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_cooperation_partnerorganization:list"
CHOOSE_URL = PartnerOrganization.snippet_viewset.chooser_viewset.get_url_name("choose")


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


@pytest.fixture
def english_organisation(site_tree):
    english = Locale.objects.get(language_code="en")
    ops = PartnerOrganization.objects.get(
        slug="ops-zoliborz", locale__language_code="pl"
    )
    translation = ops.copy_for_translation(english)
    translation.name = "Social Welfare Centre of the Żoliborz District"
    translation.save()
    return translation


def test_list_shows_useful_columns_and_searches(editor_client):
    response = editor_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    html = response.content.decode()
    assert "OPS" in html  # short name column
    assert "Instytucja publiczna" in html  # sector
    response = editor_client.get(reverse(LIST_URL), {"q": "Ośrodek"})
    names = [o.name for o in response.context["object_list"]]
    assert names and all("Ośrodek" in name for name in names)


def test_list_filters_by_sector(editor_client):
    response = editor_client.get(reverse(LIST_URL), {"sector": "school"})
    organisations = list(response.context["object_list"])
    assert organisations
    assert {o.sector for o in organisations} == {"school"}


def test_preview_renders_the_organisation(editor_client):
    organisation = PartnerOrganization.objects.get(slug="ops-zoliborz")
    url = reverse(
        "wagtailsnippets_cooperation_partnerorganization:preview_on_edit",
        args=[organisation.pk],
    )
    data = {
        "name": "Ośrodek Pomocy Społecznej – podgląd",
        "sector": "public",
        "website": "https://ops.example.org/",
        "logo_alt": "",
    }
    assert editor_client.post(url, data).json()["is_valid"]
    preview = editor_client.get(url)
    assert preview.status_code == 200
    assert "Ośrodek Pomocy Społecznej – podgląd" in preview.content.decode()


def test_editor_saves_a_draft_without_changing_the_live_version(editor_client):
    organisation = PartnerOrganization.objects.get(slug="ops-zoliborz")
    live_name = organisation.name
    url = reverse(
        "wagtailsnippets_cooperation_partnerorganization:edit", args=[organisation.pk]
    )
    response = editor_client.post(
        url,
        {
            "name": "Nowa nazwa robocza",
            "short_name": organisation.short_name,
            "sector": organisation.sector,
            "website": organisation.website,
            "address": organisation.address,
            "slug": organisation.slug,
            "logo_alt": "",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == live_name
    assert organisation.has_unpublished_changes
    assert organisation.latest_revision.content["name"] == "Nowa nazwa robocza"


def test_page_choosers_open_on_the_page_language(editor_client):
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    html = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    chooser = reverse(CHOOSE_URL)
    # Existing rows and the blank row the "add" button copies.
    assert html.count(f"{chooser}?locale=pl") >= page.members.count() + 1
    assert f'{chooser}"' not in html

    index_page = PartnershipIndexPage.objects.get(locale__language_code="pl")
    html = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[index_page.pk])
    ).content.decode()
    assert f"{chooser}?locale=pl" in html  # the coordinator


def test_chooser_lists_only_organisations_of_the_language(
    editor_client, english_organisation
):
    response = editor_client.get(reverse(CHOOSE_URL), {"locale": "pl"})
    html = response.json()["html"]
    assert "Ośrodek Pomocy Społecznej" in html
    assert english_organisation.name not in html
    response = editor_client.get(reverse(CHOOSE_URL), {"locale": "en"})
    html = response.json()["html"]
    assert english_organisation.name in html
    assert "Ośrodek Pomocy Społecznej" not in html
