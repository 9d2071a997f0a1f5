"""Librarian accounts and admin form data shared by the tests/test_admin_*.py
files. Every account is an ordinary (non-superuser) member of one group."""

import io
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cooperation.roles import EDITORS, MODERATORS, TRANSLATORS

PASSWORD = "biblioteka-Zoliborz-2026"  # noqa: S105


def librarian(username, group_name):
    """A staff-less, non-superuser account in one of the librarians' groups."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.invalid", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def editor():
    return librarian("redaktorka", EDITORS)


def moderator():
    return librarian("moderator", MODERATORS)


def translator():
    return librarian("tlumaczka", TRANSLATORS)


def in_polish(message):
    """A message (msgid or lazy) as the Polish admin shows it, HTML-escaped.
    Without the compiled Polish catalog this is the English msgid."""
    with translation.override("pl"):
        return escape(translation.gettext(str(message)))


def png_bytes(width=120, height=80, noisy=True):
    if noisy:
        pixels = os.urandom(width * height * 3)
        image = PILImage.frombytes("RGB", (width, height), pixels)
    else:
        image = PILImage.new("RGB", (width, height), "#0b5d4b")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def truncated_png():
    """A PNG whose header is intact but whose pixel data is cut in half, as
    an interrupted upload or a broken disk leaves it."""
    data = png_bytes(400, 300)
    return data[: len(data) // 2]


def upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def logo_image(title="Logo partnerstwa"):
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(png_bytes(noisy=False)), name="logo.png")
    image.save()
    return image


def partnership_form_data(
    *,
    title="Partnerstwo Lokalne Stary Żoliborz",
    slug="stary-zoliborz",
    founded_year=2016,
    founded_month=4,
    logo=None,
    logo_alt="Logo Partnerstwa Lokalnego Stary Żoliborz",
    streets=(("ulica", "Krasińskiego"), ("aleja", "Wojska Polskiego")),
    organizations=(),
    action="action-submit",
):
    """POST data for the partnership add/edit form, as the browser sends it."""
    data = {
        "title": title,
        "slug": slug,
        "founded_year": str(founded_year),
        "founded_month": "" if founded_month is None else str(founded_month),
        "logo": "" if logo is None else str(logo.pk),
        "logo_alt": logo_alt,
        "body": streamfield(
            [
                (
                    "paragraph",
                    rich_text("<p>Partnerstwo działa od 2016 roku.</p>"),
                )
            ]
        ),
        "former_names": inline_formset([]),
        "streets": inline_formset(
            [
                {"street_type": street_type, "name": name}
                for street_type, name in streets
            ],
            min=1,
        ),
        "places": inline_formset([{"kind": "estate", "name": "Kolonia Profesorska"}]),
        "members": inline_formset(
            [
                {
                    "organization": str(organization.pk),
                    "is_initiator": index == 0,
                    "role": "",
                }
                for index, organization in enumerate(organizations)
            ]
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    # Unticked checkboxes are not sent at all.
    return {key: value for key, value in form.items() if value is not False}
