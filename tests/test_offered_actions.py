"""Only what a librarian may do is offered: a translator sees the streets,
the logo and the chosen organisations of a translation read-only, and is
offered no bulk "Publish", "Unpublish", "Move" or "Delete" on English pages;
requests sent without the buttons are refused. Through the admin views, as
non-superuser members of each group."""

import json
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.operations import translate_object

from cooperation.models import PartnershipIndexPage

from . import factories

pytestmark = pytest.mark.django_db

BULK = "/admin/bulk/wagtailcore/page/"
FORM = "application/x-www-form-urlencoded"


def account(make, username):
    return get_user_model().objects.filter(username=username).first() or make()


def translator():
    return account(factories.translator, "tlumaczka")


def moderator():
    return account(factories.moderator, "moderator")


def editor():
    return account(factories.editor, "redaktorka")


@pytest.fixture
def english_kaskada(site_tree, django_capture_on_commit_callbacks):
    """Marymont-Kaskada (streets, a logo, member organisations) translated
    with wagtail-localize, its section too."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    page = site_tree.partnerships["marymont-kaskada"]
    with django_capture_on_commit_callbacks(execute=True):
        for polish in (site_tree.cooperation, site_tree.index, page):
            translate_object(polish, [english], user=moderator())
    return page.get_translation(english).specific


def editor_props(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = html.content.decode()
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    assert match, "no translation editor"
    return json.loads(unescape(match.group(1)))


def synchronised(props):
    return {
        segment["contentPath"]: segment
        for segment in props["segments"]
        if segment["type"] == "synchronised_value"
    }


def test_translators_see_streets_logo_and_organisations_read_only(
    client, english_kaskada
):
    client.force_login(moderator())
    for_moderator = synchronised(editor_props(client, english_kaskada))
    widgets = {s["location"]["widget"]["type"] for s in for_moderator.values()}
    # What a moderator may still change: the same values, editable.
    assert {"text", "image_chooser", "snippet_chooser"} <= widgets

    client.force_login(translator())
    for_translator = synchronised(editor_props(client, english_kaskada))
    assert for_translator.keys() == for_moderator.keys()
    streets = [p for p in for_translator if p.startswith("streets.")]
    assert streets
    for path, segment in for_translator.items():
        assert segment["location"]["widget"] == {"type": "read_only"}, path
    values = {segment["value"] for segment in for_translator.values()}
    assert "Mickiewicza" in values
    assert "Logo zastępcze" in values  # the logo by its title, not its id
    assert any("Ośrodek Pomocy Społecznej" in str(value) for value in values)


def test_a_translators_override_of_a_synchronised_value_is_refused(
    client, english_kaskada
):
    translation = Translation.objects.get(
        source__object_id=english_kaskada.translation_key,
        target_locale=english_kaskada.locale,
    )
    street = OverridableSegment.objects.filter(
        source=translation.source, context__path__startswith="streets."
    ).first()
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, street.pk])
    overrides = SegmentOverride.objects.filter(context=street.context)
    client.force_login(translator())
    response = client.put(url, "value=Inna", content_type=FORM)
    assert response.status_code == 302  # Wagtail's "no permission" redirect
    assert not overrides.exists()
    client.force_login(moderator())
    response = client.put(url, "value=Inna", content_type=FORM)
    assert response.status_code in (200, 201)
    assert overrides.exists()


def explorer(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_translators_are_offered_no_bulk_actions_on_english_pages(
    client, english_kaskada
):
    english_index = PartnershipIndexPage.objects.get(locale=english_kaskada.locale)
    client.force_login(translator())
    html = explorer(client, english_index)
    assert english_kaskada.title in html
    assert "data-bulk-action-checkbox" not in html
    assert "data-bulk-action-footer" not in html
    for action in ("publish", "unpublish", "move", "delete"):
        assert f"{BULK}{action}/" not in html
    # Wagtail alone would let a translator delete a draft translation.
    english_kaskada.unpublish()
    response = client.post(f"{BULK}delete/?id={english_kaskada.pk}")
    assert response.status_code == 302
    assert Page.objects.filter(pk=english_kaskada.pk).exists()

    client.force_login(moderator())
    html = explorer(client, english_index)
    assert "data-bulk-action-checkbox" in html
    for action in ("publish", "unpublish", "move", "delete"):
        assert f"{BULK}{action}/" in html


def test_editors_are_offered_no_bulk_publishing(client, site_tree):
    client.force_login(editor())
    html = explorer(client, site_tree.index)
    assert "data-bulk-action-checkbox" in html
    assert f"{BULK}delete/" in html
    assert f"{BULK}publish/" not in html
    assert f"{BULK}unpublish/" not in html
    page = site_tree.partnerships["marymont-kaskada"]
    response = client.post(f"{BULK}publish/?id={page.pk}", follow=True)
    refusal = "Sorry, you do not have permission to access this area."
    assert factories.in_polish(refusal) in response.content.decode()
