"""What is on the screen when a librarian saves is what is saved, in
Chromium, as non-superuser librarians: words typed into a rich-text block
and saved at once (no pause) with each save button and Ctrl+S are in the
saved revision (static/js/save-what-is-typed.js); and of two editors on
one page, the one whose form is stale is refused in Polish and keeps what
he typed on screen (site_settings/editorial/concurrency.py)."""

import json
from dataclasses import dataclass

import pytest

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

LAST_WORDS = " Ostatnie słowa, wpisane tuż przed zapisem."


@dataclass
class SmallSite:
    url: str
    index_pk: int

    def __call__(self, path):
        return self.url + path


@pytest.fixture(scope="module")
def small_site(site_server, django_db_blocker):
    """The small Polish site of the factories (not the seed: these tests
    need one section and the librarians) and its accounts, flushed after
    the module as live_site's is."""
    from django.core.management import call_command

    from tests.browser.conftest import SerialWSGIServer, restore_migrated_data

    with django_db_blocker.unblock():
        factories.tree_roots()
        site = factories.polish_site(logos=False)
        factories.editor()
        factories.moderator()
        factories.librarian("bartek", "Redaktorzy")
        yield SmallSite(url=site_server.url, index_pk=site.index.pk)
        with SerialWSGIServer.lock:
            call_command("flush", interactive=False, verbosity=0)
            restore_migrated_data()


@pytest.fixture
def draft_page(small_site, django_db_blocker):
    """A partnership with one paragraph and a published revision, new for
    each test."""
    from cooperation.models import PartnershipIndexPage

    with django_db_blocker.unblock():
        index = PartnershipIndexPage.objects.get(pk=small_site.index_pk)
        page = factories.partnership(
            index, body=[factories.paragraph("Pierwsze zdanie.")]
        )
        factories.publish(page)
        return page.pk


def log_in(page, site, username):
    page.goto(site("/admin/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site("/admin/"))


def open_editor(page, site, pk):
    page.goto(site(f"/admin/pages/{pk}/edit/"))
    page.wait_for_selector(".public-DraftEditor-content")
    page.wait_for_load_state("networkidle")


def type_last_words(page):
    """Type at the end of the first rich-text block, with no delay."""
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(LAST_WORDS, delay=0)


def latest_body(django_db_blocker, pk):
    """The text of the latest revision's body, and whether it is in
    moderation."""
    from wagtail.models import Page

    with django_db_blocker.unblock():
        page = Page.objects.get(pk=pk)
        body = page.get_latest_revision().content["body"]
        blocks = json.loads(body) if isinstance(body, str) else body
        text = " ".join(str(block["value"]) for block in blocks)
        return text, page.specific.workflow_in_progress


# The clicks come from the page itself, right after the last keystroke:
# Playwright's own click waits for the button to be ready, which on a busy
# machine can take longer than the editor's delay and hide the loss.


def click_in_menu(page, name):
    """Open the save button's menu and click the action, at once."""
    page.evaluate(
        """name => {
            document.querySelector("footer .w-dropdown__toggle").click();
            document.querySelector(`footer button[name="${name}"]`).click();
        }""",
        name,
    )


def save_draft(page):
    page.evaluate("() => document.querySelector('footer button.action-save').click()")


def ctrl_s(page):
    page.keyboard.press("Control+s")


def submit(page):
    click_in_menu(page, "action-submit")


def publish(page):
    click_in_menu(page, "action-publish")


@pytest.mark.parametrize(
    ("username", "save"),
    [
        ("redaktorka", save_draft),
        ("redaktorka", ctrl_s),
        ("redaktorka", submit),
        ("moderator", publish),
    ],
    ids=["zapisz-szkic", "ctrl-s", "wyslij-do-moderacji", "opublikuj"],
)
def test_words_typed_just_before_a_save_are_saved(
    page, small_site, django_db_blocker, draft_page, username, save
):
    log_in(page, small_site, username)
    open_editor(page, small_site, draft_page)
    type_last_words(page)
    with page.expect_navigation():
        save(page)
    page.wait_for_load_state("networkidle")
    body, in_moderation = latest_body(django_db_blocker, draft_page)
    assert "Pierwsze zdanie." + LAST_WORDS in body
    assert in_moderation == (save is submit)


def test_a_stale_save_is_refused_and_keeps_what_was_typed(
    browser, browser_context_args, small_site, django_db_blocker, draft_page
):
    anna = browser.new_context(**browser_context_args).new_page()
    bartek = browser.new_context(**browser_context_args).new_page()
    log_in(anna, small_site, "redaktorka")
    log_in(bartek, small_site, "bartek")
    open_editor(anna, small_site, draft_page)
    open_editor(bartek, small_site, draft_page)

    anna.fill("#id_title", "Tytuł Anny")
    with anna.expect_navigation():
        save_draft(anna)

    bartek.fill("#id_title", "Tytuł Bartka")
    type_last_words(bartek)
    save_draft(bartek)
    # Wagtail may have seen Anna's save already (its editing-session ping)
    # and ask first; he goes on, and the server refuses.
    refusal = bartek.get_by_text("Twoje zmiany nie zostały zapisane")
    confirm = bartek.locator(
        "#w-save-confirmation-dialog [data-w-dialog-target=confirm]"
    )
    refusal.or_(confirm).first.wait_for()
    if confirm.is_visible():
        confirm.click()
    refusal.wait_for()
    bartek.wait_for_load_state("networkidle")
    assert "redaktorka" in refusal.inner_text()
    assert bartek.input_value("#id_title") == "Tytuł Bartka"
    assert LAST_WORDS.strip() in bartek.locator(
        ".public-DraftEditor-content"
    ).first.inner_text().replace("\n", " ")
    body, _ = latest_body(django_db_blocker, draft_page)
    assert "Pierwsze zdanie." in body
    assert LAST_WORDS.strip() not in body
    with django_db_blocker.unblock():
        from wagtail.models import Page

        title = Page.objects.get(pk=draft_page).get_latest_revision().content["title"]
    assert title == "Tytuł Anny"
    anna.context.close()
    bartek.context.close()
