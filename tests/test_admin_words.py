"""The admin's words as librarians read them: page statuses by name, titles
quoted once, one message per empty field, the Polish accessibility
statement on the dashboard, and a form too large to read explained in
Polish instead of Django's bare "Bad Request (400)"."""

import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page

from cooperation.models import PartnershipIndexPage, PartnershipPage
from home.models import AccessibilityStatementPage
from home.text import unnest_quotes

from . import factories
from .factories import editor, in_polish, moderator, partnership_form_data

pytestmark = pytest.mark.django_db


def text(response):
    return unescape(response.content.decode())


def status_cell(html, title):
    row = re.search(re.escape(title) + r".*?</tr>", html, re.S)
    assert row, f"no row for {title}"
    return " ".join(re.sub(r"<[^>]+>", " ", row.group(0)).split())


def test_the_page_list_names_each_status(client, site_tree):
    pages = {page.slug: page for page in PartnershipPage.objects.all()}
    waiting, sent_back, changed, draft = (
        pages["sady-zoliborskie"],
        pages["marymont-kaskada"],
        pages["zoliborz-oficerski"],
        pages["dla-rudawki-i-zatrasia"],
    )
    author = editor()
    for page in (waiting, sent_back):
        page.save_revision(user=author)
        page.get_workflow().start(page, author)
    state = Page.objects.get(pk=sent_back.pk).specific.current_workflow_task_state
    state.task.specific.on_action(state, moderator(), "reject", comment="Popraw.")
    changed.title = changed.title + " (zmiana)"
    changed.save_revision(user=author)
    draft.unpublish()
    client.force_login(author)
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    html = text(client.get(reverse("wagtailadmin_explore", args=[index.pk])))
    expected = {
        waiting.title: "W moderacji",
        sent_back.title: "Do poprawy",
        changed.title: "Opublikowana, zmiany w szkicu",
        draft.title: "Szkic",
    }
    for title, label in expected.items():
        assert label.upper() in status_cell(html, title).upper(), title
    # The editor's header names the status too.
    header = text(client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk])))
    tag = re.search(r'class="page-status-tag[^"]*".*?</(?:a|span)>', header, re.S)
    assert tag and "Do poprawy" in tag.group(0)


@pytest.mark.parametrize(
    "message, shown",
    [
        (
            "Opublikowano: „Partnerstwo „Cytadela-Powązki””.",
            "Opublikowano: Partnerstwo „Cytadela-Powązki”.",
        ),
        ("Opublikowano: „Marymont-Kaskada”.", "Opublikowano: „Marymont-Kaskada”."),
        ("„Kaskada” i „Rudawka”", "„Kaskada” i „Rudawka”"),
        ("Zapisano: „nie „domknięte”.", "Zapisano: „nie „domknięte”."),
    ],
)
def test_a_quoted_title_is_not_quoted_again(message, shown):
    assert unnest_quotes(message) == shown


def test_messages_show_a_quoted_title_as_it_is(
    client, site_tree, django_capture_on_commit_callbacks
):
    """Approved from the dashboard: "Opublikowano: Partnerstwo „Sady…”."."""
    page = PartnershipPage.objects.get(slug="sady-zoliborskie")
    assert "„" in page.title
    author = editor()
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    client.force_login(moderator())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.pk],
            ),
            {"next": reverse("wagtailadmin_home")},
            follow=True,
        )
    body = text(response)
    assert f"Opublikowano: {page.title}." in body
    assert not re.search(r"„[^”„]*„[^”]*””", body)


def test_one_message_for_an_empty_street(client, site_tree):
    client.force_login(editor())
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    data = partnership_form_data(
        slug="puste-ulice", streets=(("ulica", ""), ("ulica", "Krasińskiego"))
    )
    response = client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["cooperation", "partnershippage", index.pk],
        ),
        data,
    )
    assert response.status_code == 200
    html = text(response)
    required = in_polish("This field is required.")
    assert required in html
    assert "Wpisz nazwę ulicy" not in html
    # What was typed is still in the form.
    assert 'value="Krasińskiego"' in html


def test_the_dashboard_reminds_of_the_polish_statement(client, site_tree):
    """With an English translation, the reminder links the Polish statement."""
    english = factories.locale("en")
    polish = AccessibilityStatementPage.objects.get(locale__language_code="pl")
    translated = polish.copy_for_translation(english, copy_parents=True)
    translated.title = "Accessibility statement"
    translated.save_revision().publish()
    client.force_login(
        get_user_model().objects.create_superuser("admin", password="x" * 20)
    )
    html = text(client.get(reverse("wagtailadmin_home")))
    panel = re.search(r'id="accessibility-statement-reminder.*?</section>', html, re.S)
    assert panel, "no reminder"
    assert reverse("wagtailadmin_pages:edit", args=[polish.pk]) in panel.group(0)
    assert reverse("wagtailadmin_pages:edit", args=[translated.pk]) not in html
    assert "Accessibility statement" not in panel.group(0)


# A form too large to read -------------------------------------------------


CSRF_SECRET = "a" * 32


def browser_post(client, url, data):
    """POST as a browser sends a form: urlencoded, with the CSRF cookie and
    token, so the CSRF check reads the body first, as it does for real."""
    client.cookies["csrftoken"] = CSRF_SECRET
    return client.post(
        url,
        urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET}, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024)
def test_a_form_too_large_is_explained_in_polish(site_tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor())
    page = PartnershipPage.objects.get(slug="sady-zoliborskie")
    data = partnership_form_data(title="ą" * 300_000, slug=page.slug)
    response = browser_post(
        client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 400
    html = text(response)
    assert "Bad Request" not in html
    assert "Formularz jest za duży" in html
    assert "Wstecz" in html  # how to keep what was typed
    assert 'href="/admin/"' in html


def test_a_public_request_too_large_links_home(site_tree):
    client = Client(enforce_csrf_checks=True)
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        response = browser_post(client, "/szukaj/", {"query": "ż" * 2000})
    assert response.status_code == 400
    html = text(response)
    assert "Formularz jest za duży" in html and 'href="/"' in html


def test_a_page_of_a_million_polish_characters_is_within_the_limit():
    """1 MB of Polish text, form-encoded, fits in the raised limit."""
    from django.conf import settings

    encoded = urlencode({"body": "Żółć gęślą jaźń. " * 60_000})
    assert len("Żółć gęślą jaźń. " * 60_000) >= 1_000_000
    assert len(encoded) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE
