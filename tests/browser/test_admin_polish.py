"""The parts of the Polish admin only a browser shows: texts the
admin's JavaScript writes. wagtail-localize's translation editor, opened by
a translator and by a moderator, reads Polish: its heading (rewritten by
static/js/admin-wording.js), its menu label and its publish button."""

import re

import pytest

from tests.factories import PASSWORD, moderator, translator

pytestmark = pytest.mark.browser


def log_in(page, live_site, username):
    page.goto(live_site("/admin/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site("/admin/"))


@pytest.fixture(scope="module")
def english_edit_path(live_site, django_db_blocker):
    from wagtail.models import Locale

    from cooperation.models import PartnershipPage

    with django_db_blocker.unblock():
        translator()
        moderator()
        polish = PartnershipPage.objects.get(pk=live_site.partnership_pk)
        english = polish.get_translation(Locale.objects.get(language_code="en"))
        return f"/admin/pages/{english.pk}/edit/"


def editor_text(page, live_site, path):
    page.goto(live_site(path))
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("text=Tłumaczenie: polski → angielski")
    return page.evaluate("() => document.body.innerText")


@pytest.mark.parametrize("username", ["tlumaczka", "moderator"])
def test_translation_editor_reads_polish(page, live_site, english_edit_path, username):
    log_in(page, live_site, username)
    text = editor_text(page, live_site, english_edit_path)
    assert not re.search(r"\bto \w+ translation\b", text)
    assert "More actions" not in text
    assert "Używa wersji: angielski" in text or "Używa wersji: polski" in text
    assert re.search(r"Przetłumaczono ręcznie dnia \d{1,2} [a-ząćęłńóśźż]+ \d{4}", text)
    assert "November" not in text
    if username == "moderator":
        assert "Opublikuj tłumaczenie (angielski)" in text
    assert "Publish in" not in text
