"""Events through the librarians' roles and the real admin forms: an editor
adds a partnership's meeting and sends it to moderation, a moderator
publishes it, a translator translates it and a moderator publishes the
English version, which shows the partnership's English name."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail_localize.models import TranslationSource

from cooperation.roles import TASK_NAME
from events.models import EventIndexPage, EventPage

from . import factories

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def events(site_tree):
    index = factories.events_index(site_tree.home)
    return site_tree, EventIndexPage.objects.get(pk=index.pk)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", parent.pk])


def event_form_data(partnership, organisation, action="action-submit", **changes):
    data = {
        "title": "Spotkanie sąsiedzkie",
        "slug": "spotkanie-sasiedzkie",
        "start_date": DAY.isoformat(),
        "start_time": "18:00",
        "end_date": "",
        "end_time": "19:30",
        "repeat": "",
        "repeat_until": "",
        "status": "scheduled",
        "status_note": "",
        "summary": "Rozmawiamy o zieleni na osiedlu.",
        "place_name": "Wypożyczalnia nr 111",
        "place_address": "ul. Broniewskiego 2",
        "online_url": "",
        "partnerships": inline_formset([{"partnership": str(partnership.pk)}]),
        "organisers": inline_formset([{"organization": str(organisation.pk)}]),
        "body": streamfield([("paragraph", rich_text("<p>Zapraszamy.</p>"))]),
        "image": "",
        "image_alt": "",
        "free_entry": True,
        "registration_required": False,
        "registration_info": "",
        "registration_url": "",
        "step_free": True,
        "induction_loop": False,
        "sign_language": False,
        "accessibility_note": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        **changes,
    }
    form = nested_form_data(data)
    form[action] = "1"
    return {key: value for key, value in form.items() if value is not False}


def create_as_editor(client, site, index):
    client.force_login(factories.editor())
    kaskada = site.partnerships["marymont-kaskada"]
    data = event_form_data(kaskada, site.organizations["ops-zoliborz"])
    response = client.post(add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    return EventPage.objects.get(slug="spotkanie-sasiedzkie")


def test_editor_adds_an_event_that_waits_for_a_moderator(client, events):
    site, index = events
    page = create_as_editor(client, site, index)
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.current_task_state.task.name == TASK_NAME
    assert not page.permissions_for_user(page.owner).can_publish()
    client.logout()
    assert (
        client.get("/wydarzenia/").content.decode().count("Spotkanie sąsiedzkie") == 0
    )


def test_editor_form_refuses_an_event_that_ends_before_it_starts(client, events):
    site, index = events
    client.force_login(factories.editor())
    data = event_form_data(
        site.partnerships["marymont-kaskada"],
        site.organizations["ops-zoliborz"],
        end_time="17:00",
    )
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert factories.in_polish("The event cannot end before it starts.") in html
    assert "Rozmawiamy o zieleni na osiedlu." in html  # nothing typed is lost
    assert not EventPage.objects.filter(slug="spotkanie-sasiedzkie").exists()


def test_moderator_publishes_and_the_partnership_lists_it(client, events):
    site, index = events
    page = create_as_editor(client, site, index)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(factories.moderator())
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
    kaskada = site.partnerships["marymont-kaskada"]
    assert "Spotkanie sąsiedzkie" in client.get(kaskada.url).content.decode()
    assert "Spotkanie sąsiedzkie" in client.get("/").content.decode()
    feed = client.get(f"/kalendarz/{kaskada.slug}.ics").content.decode()
    assert "SUMMARY:Spotkanie sąsiedzkie" in feed


def test_translator_translates_and_a_moderator_publishes_the_english_event(
    client, events, django_capture_on_commit_callbacks
):
    site, index = events
    english = Locale.objects.get(language_code="en")
    kaskada = site.partnerships["marymont-kaskada"]
    factories.translate_page(site.home, english, "Library", slug="home-en")
    factories.translate_page(kaskada, english, "Marymont-Kaskada Partnership")
    factories.translate_page(index, english, "Events", slug="events")
    event = factories.publish(
        factories.event(
            index,
            title="Spotkanie",
            start=DAY,
            summary="Rozmawiamy.",
            partnerships=[kaskada],
        )
    )

    user = factories.translator()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[event.pk]),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302
    translated = event.get_translation(english)
    assert translated.permissions_for_user(user).can_edit()
    assert not translated.permissions_for_user(user).can_publish()
    # What is the same in every language came over with the draft.
    assert translated.start_date == DAY and translated.start_time == event.start_time

    factories.translate_strings(
        TranslationSource.objects.get_for_instance(event), english
    )
    client.force_login(factories.moderator())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]),
            {"action": "publish"},
        )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.live and translated.title == "EN Spotkanie"
    client.logout()
    html = client.get(translated.url).content.decode()
    assert "EN Rozmawiamy." in html
    assert "Marymont-Kaskada Partnership" in html
    assert 'lang="en"' in html
    feed = client.get("/en/calendar.ics").content.decode()
    assert "SUMMARY:EN Spotkanie" in feed
    polish_feed = client.get("/kalendarz.ics").content.decode()
    uid = f"UID:{event.translation_key}@"
    assert uid in feed and uid in polish_feed  # one event in both languages
