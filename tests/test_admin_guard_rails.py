"""Every guard rail answers a librarian's mistake with a message in Polish on a
normal admin page (never a 500), through real POSTs as an editor."""

import datetime
import json

import pytest
from django import forms
from django.urls import reverse

from cooperation.models import PartnerOrganization, PartnershipIndexPage
from site_settings.editorial.images import DAMAGED_IMAGE_MESSAGE

from .factories import (
    editor,
    in_polish,
    logo_image,
    partnership_form_data,
    png_bytes,
    truncated_png,
    upload,
)

pytestmark = pytest.mark.django_db

REQUIRED = forms.Field.default_error_messages["required"]
INVALID_URL = forms.URLField.default_error_messages["invalid"]


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


@pytest.fixture
def add_partnership_url(site_tree):
    index_page = PartnershipIndexPage.objects.get(locale__language_code="pl")
    return reverse(
        "wagtailadmin_pages:add",
        args=["cooperation", "partnershippage", index_page.pk],
    )


def post_partnership(client, url, **overrides):
    overrides.setdefault("logo", logo_image())
    response = client.post(url, partnership_form_data(**overrides))
    assert response.status_code == 200, "the form should be shown again"
    assert (
        not PartnershipIndexPage.objects.get(locale__language_code="pl")
        .get_children()
        .filter(slug="stary-zoliborz")
        .exists()
    )
    return response.content.decode()


def test_month_13_is_refused(editor_client, add_partnership_url):
    html = post_partnership(editor_client, add_partnership_url, founded_month=13)
    message = forms.ChoiceField.default_error_messages["invalid_choice"]
    assert in_polish(message) % {"value": "13"} in html
    assert "Wybierz poprawną wartość" in html  # Django's own Polish


def test_future_founding_year_is_refused(editor_client, add_partnership_url):
    next_year = datetime.date.today().year + 1
    html = post_partnership(editor_client, add_partnership_url, founded_year=next_year)
    assert in_polish("The founding year cannot be in the future.") in html


def test_year_before_1990_is_refused(editor_client, add_partnership_url):
    html = post_partnership(editor_client, add_partnership_url, founded_year=1899)
    assert "1990" in html


def test_street_without_a_name_is_refused(editor_client, add_partnership_url):
    html = post_partnership(
        editor_client,
        add_partnership_url,
        streets=[("ulica", "Krasińskiego"), ("aleja", "")],
    )
    assert in_polish(REQUIRED) in html


def test_partnership_needs_at_least_one_street(editor_client, add_partnership_url):
    response = editor_client.post(
        add_partnership_url, partnership_form_data(logo=logo_image(), streets=[])
    )
    assert response.status_code == 200
    assert response.context["form"].formsets["streets"].non_form_errors()


def test_duplicate_street_is_refused_whatever_the_spelling(
    editor_client, add_partnership_url
):
    html = post_partnership(
        editor_client,
        add_partnership_url,
        streets=[("ulica", "Włościańska"), ("ulica", "  wloscianska ")],
    )
    assert in_polish("This street is already on the list.") in html


def test_logo_without_alternative_text_is_refused(editor_client, add_partnership_url):
    html = post_partnership(editor_client, add_partnership_url, logo_alt="  ")
    assert in_polish("Describe the logo for people who cannot see it.") in html


def test_content_image_without_alternative_text_is_refused(
    editor_client, add_partnership_url
):
    data = partnership_form_data(logo=logo_image())
    image = logo_image("Zdjęcie z pikniku")
    data.update(
        {
            "body-count": "1",
            "body-0-type": "image",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-value-image": str(image.pk),
            "body-0-value-alt_text": "",
            "body-0-value-caption": "Piknik sąsiedzki",
        }
    )
    response = editor_client.post(add_partnership_url, data)
    assert response.status_code == 200
    message = in_polish(
        "Describe the image for people who cannot see it, or mark it as purely "
        "decorative."
    )
    # Stream block errors travel to the editor as JSON inside the page.
    assert (
        message in response.content.decode()
        or json.dumps(str(message)).strip('"') in response.content.decode()
    )


def test_organisation_with_a_bad_website_address_is_refused(editor_client):
    url = reverse("wagtailsnippets_cooperation_partnerorganization:add")
    response = editor_client.post(
        url,
        {
            "name": "Klub Seniora Sady",
            "sector": "residents",
            "website": "htp:/klub seniora",
            "logo": str(logo_image().pk),
            "logo_alt": "",
            "action-submit": "1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert in_polish(INVALID_URL) in html
    assert in_polish("Describe the logo for people who cannot see it.") in html
    assert not PartnerOrganization.objects.filter(name="Klub Seniora Sady").exists()


# Images: a truncated PNG through each of the admin's three upload doors.


def test_truncated_png_is_refused_by_the_add_image_form(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Uszkodzony plik", "file": upload("uszkodzony.png", truncated_png())},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(DAMAGED_IMAGE_MESSAGE)]
    assert in_polish(DAMAGED_IMAGE_MESSAGE) in response.content.decode()


def test_truncated_png_is_refused_by_the_multiple_uploader(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("uszkodzony.png", truncated_png())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False
    assert body["error_message"] == str(DAMAGED_IMAGE_MESSAGE)


def test_truncated_png_is_refused_by_the_chooser_upload(editor_client):
    response = editor_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Uszkodzony plik",
            "image-chooser-upload-file": upload("uszkodzony.png", truncated_png()),
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["step"] == "reshow_creation_form"
    assert in_polish(DAMAGED_IMAGE_MESSAGE) in body["htmlFragment"]


def test_a_whole_png_is_accepted(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Dobry plik", "file": upload("dobry.png", png_bytes())},
    )
    assert response.status_code == 302


def test_an_oversized_or_wrong_format_upload_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Za duży", "file": upload("duzy.png", png_bytes(200, 200))},
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Tekst",
            "file": upload("notatka.txt", b"to nie obraz", "text/plain"),
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
