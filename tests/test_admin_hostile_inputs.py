"""Tampered and malformed admin POSTs from a logged-in librarian answer with
a form error or a 400, never a 500 (the fourteen inputs found in review and their
neighbours), and an organisation of another language is refused by the
server, not only hidden by the chooser."""

import json

import pytest
from django.urls import reverse

from cooperation.models import PartnerOrganization, PartnershipIndexPage
from site_settings.editorial.bad_input import BAD_INPUT_MESSAGE, DATE_OUT_OF_RANGE

from .factories import (
    editor,
    in_polish,
    logo_image,
    moderator,
    partnership_form_data,
)

pytestmark = pytest.mark.django_db


def deep_json(depth):
    return "[" * depth + "]" * depth


def bad_contentstate(**changes):
    """Draftail's rich-text JSON, as the admin sends it, with ``changes``."""
    state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": "Tekst z odnośnikiem",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 5, "key": 7}],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    state.update(changes)
    return json.dumps(state)


# name -> the POST fields that replace the valid partnership form's (the body
# is a StreamField: body-count, body-N-type, body-N-value; a paragraph's value
# is Draftail's rich-text JSON)
PARTNERSHIP_INPUTS = {
    "go_live_at year 1": {"go_live_at": "0001-01-01 00:00"},
    "expire_at year 1": {"expire_at": "0001-01-01 00:00"},
    "go_live_at year 9999 end": {"go_live_at": "9999-12-31 23:59"},
    "logo not a number": {"logo": "abc"},
    "logo huge number": {"logo": "99999999999999999999999"},
    "member organisation not a number": {
        "members-TOTAL_FORMS": "1",
        "members-0-organization": "abc",
        "members-0-ORDER": "0",
    },
    "more forms than rows": {"streets-TOTAL_FORMS": "5"},
    "forms count not a number": {"streets-TOTAL_FORMS": "abc"},
    "more blocks than sent": {"body-count": "3"},
    "block count not a number": {"body-count": "abc"},
    "block of an unknown type": {"body-0-type": "no-such-block"},
    "rich text not JSON": {"body-0-value": "{not json"},
    "rich text of the wrong shape": {
        "body-0-value": json.dumps({"blocks": "x", "entityMap": []})
    },
    "rich text a JSON list": {"body-0-value": json.dumps([1, 2])},
    "rich text 5000 deep": {"body-0-value": deep_json(5000)},
    "rich text missing entity": {"body-0-value": bad_contentstate()},
}


# Wagtail drops a block of a type it does not know and saves the rest.
SAVED_WITHOUT_IT = {"block of an unknown type"}


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


def add_partnership_url():
    index_page = PartnershipIndexPage.objects.get(locale__language_code="pl")
    return reverse(
        "wagtailadmin_pages:add",
        args=["cooperation", "partnershippage", index_page.pk],
    )


@pytest.mark.parametrize("name", PARTNERSHIP_INPUTS)
def test_partnership_form_input_is_no_500(editor_client, name):
    data = partnership_form_data(logo=logo_image(), action="action-submit")
    data.update(PARTNERSHIP_INPUTS[name])
    response = editor_client.post(add_partnership_url(), data)
    created = (
        PartnershipIndexPage.objects.get(locale__language_code="pl")
        .get_children()
        .filter(slug="stary-zoliborz")
        .exists()
    )
    if name in SAVED_WITHOUT_IT:
        assert response.status_code == 302
        assert created
        return
    assert response.status_code in (200, 400), response.status_code
    assert not created
    if response.status_code == 400:
        assert in_polish(BAD_INPUT_MESSAGE) in response.content.decode()


def test_year_1_is_a_field_error_in_polish(editor_client):
    data = partnership_form_data(logo=logo_image(), action="action-submit")
    data["go_live_at"] = "0001-01-01 00:00"
    response = editor_client.post(add_partnership_url(), data)
    assert response.status_code == 200
    message = in_polish(DATE_OUT_OF_RANGE) % {"min": 1900, "max": 2100}
    assert message in response.content.decode()
    assert "Podaj datę" in message  # the Polish catalogue is compiled


def organisation_form_data(**changes):
    data = {
        "name": "Fundacja Testowa",
        "short_name": "",
        "sector": "ngo",
        "former_name": "",
        "description": "Organizacja z testu.",
        "address": "",
        "website": "",
        "slug": "fundacja-testowa",
        "logo": "",
        "logo_alt": "",
    }
    data.update(changes)
    return data


# (Organisations have no publishing schedule in their form: a go_live_at sent
# anyway is ignored.)
ORGANISATION_INPUTS = {
    "unknown sector": {"sector": "x" * 5000},
    "logo not a number": {"logo": "abc", "logo_alt": "Logo"},
    "logo with a NUL": {"logo": "1\x00", "logo_alt": "Logo"},
    "name with a NUL": {"name": "Fundacja\x00"},
}


@pytest.mark.parametrize("name", ORGANISATION_INPUTS)
def test_organisation_form_input_is_no_500(client, site_tree, name):
    # A moderator: the publishing schedule (go live / expire) is theirs.
    client.force_login(moderator())
    url = reverse("wagtailsnippets_cooperation_partnerorganization:add")
    data = organisation_form_data(**ORGANISATION_INPUTS[name])
    response = client.post(url, {**data, "action-publish": "1"})
    assert response.status_code in (200, 400), response.status_code
    assert not PartnerOrganization.objects.filter(slug="fundacja-testowa").exists()


@pytest.mark.parametrize("value", ["%00", "x%00y", "%FF", "9" * 30, "pl%00"])
def test_organisation_list_filter_is_no_500(editor_client, value):
    url = reverse("wagtailsnippets_cooperation_partnerorganization:list")
    response = editor_client.get(f"{url}?locale={value}&sector={value}&q={value}")
    # Wagtail answers an unknown language with "not found".
    assert response.status_code in (200, 400, 404)


def test_index_coordinator_not_a_number_is_no_500(editor_client, site_tree):
    index = site_tree.index
    url = reverse("wagtailadmin_pages:edit", args=[index.pk])
    form = editor_client.get(url)
    assert form.status_code == 200
    response = editor_client.post(
        url,
        {
            "title": index.title,
            "slug": index.slug,
            "coordinator": "abc",
            "intro-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code in (200, 400)


def test_english_organisation_is_refused_on_a_polish_page(
    editor_client, site_tree, english
):
    polish = site_tree.organizations["ops-zoliborz"]
    english_copy = polish.copy_for_translation(english)
    english_copy.name = "EN Social Welfare Centre"
    english_copy.save()
    data = partnership_form_data(
        logo=logo_image(), organizations=[english_copy], action="action-submit"
    )
    response = editor_client.post(add_partnership_url(), data)
    assert response.status_code == 200
    from cooperation.forms import OTHER_LANGUAGE_MESSAGE

    assert in_polish(OTHER_LANGUAGE_MESSAGE) in response.content.decode()
    assert (
        not PartnershipIndexPage.objects.get(locale__language_code="pl")
        .get_children()
        .filter(slug="stary-zoliborz")
        .exists()
    )
    # The Polish version of the same organisation is accepted.
    data = partnership_form_data(
        logo=logo_image(), organizations=[polish], action="action-submit"
    )
    assert editor_client.post(add_partnership_url(), data).status_code == 302
