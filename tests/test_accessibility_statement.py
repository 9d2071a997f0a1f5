"""The accessibility statement, the privacy notice and the reminders editors
get when the statement's yearly review is due."""

import datetime
import re

import pytest
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailTestUtils

from home.models import HomePage, StandardPage
from home.models.accessibility import AccessibilityStatementPage, review_due
from site_settings.admin_ui.panels import statement_warnings

pytestmark = pytest.mark.django_db

STATEMENT_URL = "/deklaracja-dostepnosci/"
PRIVACY_URL = "/polityka-prywatnosci/"
MINISTRY_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-audytor",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]
SEEDED_PATHS = [
    "/",
    "/wspolpraca/",
    "/wspolpraca/partnerstwa-lokalne/",
    "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/",
    "/wspolpraca/z-kim-wspolpracujemy/",
    STATEMENT_URL,
    PRIVACY_URL,
]


def test_statement_carries_every_id_of_the_ministry_template(client, site_tree):
    html = client.get(STATEMENT_URL).content.decode()
    for element_id in MINISTRY_IDS:
        assert html.count(f'id="{element_id}"') == 1, element_id
    today = datetime.date.today().isoformat()
    for element_id in ["a11y-data-publikacja", "a11y-data-aktualizacja"]:
        assert re.search(rf'<time id="{element_id}" datetime="{today}">', html), (
            element_id
        )
    assert "Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy" in html
    assert "Rzecznika Praw Obywatelskich" in html


def test_unknown_contact_details_are_marked_not_invented(client, site_tree):
    statement = AccessibilityStatementPage.objects.get()
    assert statement.contact_person == ""
    assert statement.contact_phone == ""
    html = client.get(STATEMENT_URL).content.decode()
    assert re.search(r'<span id="a11y-telefon">[^<]+</span>', html)
    assert "tel:" not in html


def test_contact_details_fall_back_to_the_library_settings(client, site_tree):

    from site_settings.models import SiteSettings

    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "biblioteka@example.org"
    contact.phone = "+48 22 000 00 00"
    contact.save()
    html = client.get(STATEMENT_URL).content.decode()
    assert 'id="a11y-email" href="mailto:biblioteka@example.org"' in html
    assert 'id="a11y-telefon" href="tel:+48220000000"' in html


def test_every_page_announces_and_links_the_statement_and_privacy_notice(
    client, site_tree
):
    for path in SEEDED_PATHS + ["/nie-ma-takiej-strony/"]:
        html = client.get(path).content.decode()
        assert (
            '<meta name="deklaracja-dostępności" '
            'content="http://localhost/deklaracja-dostepnosci/">' in html
        ), path
        footer = html[html.index("<footer") :]
        assert f'href="{STATEMENT_URL}"' in footer, path
        assert f'href="{PRIVACY_URL}"' in footer, path


def test_anonymous_visitors_get_no_cookie(client, site_tree):
    for path in SEEDED_PATHS + ["/nie-ma-takiej-strony/"]:
        response = client.get(path)
        assert response.cookies == {}, path
        assert "csrfmiddlewaretoken" not in response.content.decode(), path


def test_statement_lives_only_under_the_home_page(site_tree):
    assert AccessibilityStatementPage in HomePage.allowed_subpage_models()
    assert StandardPage in HomePage.allowed_subpage_models()
    home = HomePage.objects.get()
    assert not AccessibilityStatementPage.can_create_at(home)  # one per site
    cooperation = Page.objects.get(slug="wspolpraca").specific
    assert not AccessibilityStatementPage.can_create_at(cooperation)
    assert AccessibilityStatementPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("last_reviewed", "today", "due"),
    [
        (None, "2026-06-01", True),
        ("2026-01-15", "2026-03-10", False),  # reviewed this year already
        ("2025-04-10", "2026-02-28", False),  # before the reminder season
        ("2025-04-10", "2026-03-01", True),  # reminder season starts
        ("2025-04-10", "2026-03-31", True),  # deadline day
        ("2025-03-30", "2026-04-20", True),  # overdue, older than a year
        ("2025-05-01", "2026-04-20", True),  # missed this year's deadline
        ("2026-04-02", "2026-12-31", False),
        ("2024-02-29", "2025-02-28", False),
        ("2024-02-28", "2025-03-01", True),
    ],
)
def test_review_due(last_reviewed, today, due):
    def as_date(text):
        return datetime.date.fromisoformat(text) if text else None

    assert review_due(as_date(last_reviewed), as_date(today)) is due


def test_warnings_say_what_to_do(site_tree):
    statement = AccessibilityStatementPage.objects.get()
    statement.prepared_date = datetime.date(2025, 5, 1)
    assert statement_warnings(statement, datetime.date(2026, 2, 1)) != []
    statement.contact_person = "Anna Kowalska"
    statement.architectural_accessibility = "<p>Wejście bez schodów.</p>"
    with translation.override("en"):
        missing = statement_warnings(statement, datetime.date(2026, 2, 1))
    assert len(missing) == 1
    assert "contact e-mail" in missing[0] and "contact phone" in missing[0]
    statement.contact_email = "dostepnosc@example.org"
    statement.contact_phone = "+48 22 000 00 00"
    assert statement_warnings(statement, datetime.date(2026, 2, 1)) == []
    warnings = statement_warnings(statement, datetime.date(2026, 3, 5))
    assert len(warnings) == 1 and "2026" in warnings[0]
    overdue = statement_warnings(statement, datetime.date(2026, 4, 5))
    assert len(overdue) == 1 and "2026" not in overdue[0]


class TestAdminReminder(WagtailTestUtils):
    def test_dashboard_and_editor_remind_when_review_is_due(self, client, site_tree):
        statement = AccessibilityStatementPage.objects.get()
        statement.prepared_date = datetime.date(2020, 1, 1)
        statement.save_revision().publish()
        user = self.create_superuser("librarian", password="password")
        client.force_login(user)
        dashboard = client.get("/admin/")
        assert 'id="accessibility-statement-reminder' in dashboard.content.decode()
        edit = client.get(f"/admin/pages/{statement.pk}/edit/")
        assert edit.status_code == 200
        messages = [str(m) for m in edit.context["messages"]]
        assert any("31" in m for m in messages)

    def test_no_reminder_when_all_is_in_order(self, client, site_tree):
        statement = AccessibilityStatementPage.objects.get()
        statement.contact_person = "Anna Kowalska"
        statement.contact_email = "dostepnosc@example.org"
        statement.contact_phone = "+48 22 000 00 00"
        statement.architectural_accessibility = "<p>Wejście bez schodów.</p>"
        statement.reviewed_date = datetime.date.today()
        statement.save_revision().publish()
        client.force_login(self.create_superuser("librarian", password="password"))
        dashboard = client.get("/admin/")
        assert "accessibility-statement-reminder" not in dashboard.content.decode()


def test_statement_is_translatable_with_wagtail_localize(
    client, site_tree, english, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import StringSegment, TranslationSource
    from wagtail_localize.operations import translate_object

    statement = AccessibilityStatementPage.objects.get()
    # One page at a time, parents first, as an editor does: the publishing
    # callbacks save the page, and a parent saved after its child was added
    # would keep a stale child count.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(HomePage.objects.get(), [english])
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(statement, [english])
    translated = AccessibilityStatementPage.objects.get(locale=english)
    # A new translation waits as a draft for a person to review and publish.
    assert not translated.live
    for page in [HomePage.objects.get(locale=english), translated]:
        page.get_latest_revision().publish()
    translated.refresh_from_db()
    assert translated.live
    # Dates and status are the same in every language; prose is translated.
    assert translated.publication_date == statement.publication_date
    assert translated.status == statement.status
    source = TranslationSource.objects.get_for_instance(statement)
    strings = set(
        StringSegment.objects.filter(source=source).values_list(
            "string__data", flat=True
        )
    )
    assert statement.entity_name in strings
    assert any("Rzecznika Praw Obywatelskich" in text for text in strings)

    html = client.get(translated.url).content.decode()
    assert '<html lang="en">' in html
    for element_id in MINISTRY_IDS:
        assert f'id="{element_id}"' in html, element_id
    home_html = client.get("/en/").content.decode()
    assert f'content="http://localhost{translated.url}"' in home_html


def test_footer_keeps_the_privacy_notice_when_an_editor_renames_it(client, site_tree):
    privacy = StandardPage.objects.get(slug="polityka-prywatnosci")
    privacy.slug = "ochrona-danych"
    privacy.title = "Ochrona danych osobowych"
    privacy.save_revision().publish()
    html = client.get("/wspolpraca/").content.decode()
    assert 'href="/ochrona-danych/"' in html
    assert "Ochrona danych osobowych" in html
