"""The Polish admin as librarians see it: the key screens, each
opened by an ordinary account of the group that uses it, contain none of the
English or broken Polish phrases librarians met. Strings the admin's
JavaScript shows come from the "djangojs" catalogs, checked here too; the
one text wagtail-localize's compiled code writes in English is rewritten by
static/js/admin-wording.js (seen in Chromium, see the branch's report)."""

import html
import json
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)

from . import factories
from .conftest import _module_data
from .factories import editor, image, moderator, translator

pytestmark = pytest.mark.django_db

# What the issue quotes, as patterns on the page's text (entities decoded).
# Word boundaries keep JSON keys such as "isRoot" or "formLayout" out.
ENGLISH = [
    r"\bRoot\b",
    r"\d+-\d+ of \d+",
    r"\bLayout\b",
    r"\bLocale\b",
    r"\bPassword\b",
    r"Autosave is",
    r"\bto English translation\b",
    r"\b(w|na język|wersji) (English|Polski)\b",
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September"
    r"|October|November|December) \d{4}\b",
    r"More actions",
    r"Apply the updates",
    r"created and submitted for moderation",
    r"have been deleted",
    r"Schedule to publish",
    r"Once scheduled",
    r"Toggle checks",
    r"\b(seconds?|minutes?|hours?) ago\b",
    r"\bLive\b",
    r"Usage count",
    r"Proceeding will overwrite",
    r"Keyboard shortcuts are",
    r"Add or show comments",
    r"This data explained",
    r"\(None\)",
    r"unknown number",
    r"Bad Request",
]
BROKEN_POLISH = [
    r"\b[Tt]en (strona|organizacja)",
    r"edytować (ten )?(strona|organizacja)",
    r"nie mógł zostać",
    r"Wpisz nazwa",
    r"Wagtaila",
    r"Zweryfikuj tą",
    r"ostaniej",
    r"upusć",
    r"wyszukiawania",
    r"pikesli",
    r"Wybierz organizacja",
    r"Idź online",
    r"Akceptuj i Opublikuj",
    r"wersji [Pp]olski\b",
    # Workflow names in the genitive, shown as headings.
    r"moderacji \(dział",
    r"akceptacji moderatora",
    # Seen in the last round.
    r"skrawki w procesie",
    r"Zmiany zażądane dnia",
    r"Oczekujące [A-ZĆŁŚŻŹ]",
    r"\b([5-9]|\d\d+) organizacje partnerskie",
    r"Opublikowano '",
    r"To pole jest wymagane\. Wpisz",
    r"cudzysłowia",
    r"Snippety",
    r"Anuluj proces",
    r"Zrestartuj proces",
    r"znajdziejsz",
    r"\dformularz",
    r"Twoje nazwa użytkownika",
    r"„[^”„<]*„[^”]*””",  # a quoted title quoted again
]


def page_text(response):
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.loads(body)["html"]
    return html.unescape(body)


def offending(text):
    return [
        match.group(0)
        for pattern in ENGLISH + BROKEN_POLISH
        for match in [re.search(pattern, text)]
        if match
    ]


def translated_site():
    """The factory site with one partnership translated into English through
    wagtail-localize (parents first), every text translated by hand."""
    site = factories.polish_site()
    english = factories.locale("en")
    page = site.partnerships["marymont-kaskada"]
    for ancestor in [*page.get_ancestors().filter(depth__gte=2), page]:
        with TestCase.captureOnCommitCallbacks(execute=True):
            translate_object(ancestor.specific, [english])
    source = TranslationSource.objects.get_for_instance(page)
    factories.translate_strings(source, english)
    return site


@pytest.fixture(scope="module")
def _translated_module(request, django_db_setup, django_db_blocker):
    with _module_data(request, django_db_blocker, translated_site) as site:
        yield site


@pytest.fixture
def screens(_translated_module, db):
    polish = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    english = polish.get_translation(Locale.objects.get(language_code="en"))
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    source = TranslationSource.objects.get_for_instance(polish)
    organisation = PartnerOrganization.objects.filter(
        locale__language_code="pl"
    ).first()
    image()  # the image library is not empty
    # One page waits for a moderator: the dashboards and the editor show the
    # workflow's panels and status.
    second = PartnershipPage.objects.get(slug="sady-zoliborskie")
    second.save_revision()
    second.get_workflow().start(second, librarian_account(editor))
    return {
        "waiting title": second.title,
        "dashboard": reverse("wagtailadmin_home"),
        "page list": reverse("wagtailadmin_explore", args=[index.pk]),
        "tree root": reverse("wagtailadmin_explore_root"),
        "edit": reverse("wagtailadmin_pages:edit", args=[polish.pk]),
        "create": reverse(
            "wagtailadmin_pages:add",
            args=["cooperation", "partnershippage", index.pk],
        ),
        "history": reverse("wagtailadmin_pages:history", args=[polish.pk]),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[english.pk]),
        "sync": reverse("wagtail_localize:update_translations", args=[source.pk]),
        "snippet list": reverse("wagtailsnippets_cooperation_partnerorganization:list"),
        "snippet types": reverse("wagtailsnippets:index"),
        "snippet edit": reverse(
            "wagtailsnippets_cooperation_partnerorganization:edit",
            args=[organisation.pk],
        ),
        "image list": reverse("wagtailimages:index"),
        "image upload": reverse("wagtailimages:add"),
        "search": reverse("wagtailadmin_pages:search") + "?q=krasinskiego",
        # Choosers open in a modal; their HTML comes as JSON.
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "organisation chooser": reverse(
            "wagtailsnippetchoosers_cooperation_partnerorganization:choose"
        ),
    }


def librarian_account(make):
    """The group's account, made once per test (the fixture and the role
    test both ask for it)."""
    from django.contrib.auth import get_user_model

    account = make.__name__
    usernames = {
        "editor": "redaktorka",
        "moderator": "moderator",
        "translator": "tlumaczka",
    }
    found = get_user_model().objects.filter(username=usernames[account]).first()
    return found or make()


ROLES = {
    "editor": (
        editor,
        [
            "dashboard",
            "page list",
            "edit",
            "create",
            "history",
            "snippet list",
            "snippet types",
            "snippet edit",
            "image list",
            "image upload",
            "search",
            "image chooser",
            "organisation chooser",
        ],
    ),
    "moderator": (
        moderator,
        [
            "dashboard",
            "page list",
            "tree root",
            "edit",
            "create",
            "history",
            "translation editor",
            "sync",
            "snippet list",
            "snippet edit",
            "image list",
            "image upload",
            "search",
        ],
    ),
    "translator": (
        translator,
        ["dashboard", "translation editor", "snippet list", "search"],
    ),
}


@pytest.mark.parametrize("role", ROLES)
def test_key_screens_read_polish_for_each_role(client, screens, role):
    make_user, names = ROLES[role]
    client.force_login(librarian_account(make_user))
    found = {}
    for name in names:
        bad = offending(page_text(client.get(screens[name])))
        if bad:
            found[name] = bad
    assert not found, f"{role}: {found}"


def test_the_moderators_dashboard_shows_the_waiting_page(client, screens):
    """The role test above saw the moderation panels, not an empty dashboard."""
    client.force_login(moderator())
    dashboard = page_text(client.get(screens["dashboard"]))
    assert screens["waiting title"] in dashboard
    assert "Dział Współpraca" in dashboard or "Akceptacja moderatora" in dashboard


def test_login_page_reads_polish(client, db):
    text = page_text(client.get(reverse("wagtailadmin_login")))
    assert not offending(text)
    assert "Hasło" in text
    assert 'placeholder="Wpisz nazwę użytkownika"' in text


def test_a_wrong_password_reads_polish(client, db):
    factories.editor()
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "redaktorka", "password": "nie-to-haslo"},
    )
    text = page_text(response)
    assert not offending(text)
    assert "Nieprawidłowa nazwa użytkownika lub hasło" in text


def test_the_checker_catches_what_the_issue_quotes():
    """The patterns would have caught the phrases librarians reported."""
    quoted = [
        "Root",
        "1-2 of 2 strony",
        "Layout",
        "Password",
        "Autosave is paused",
        "Polski to English translation",
        "Opublikuj w English",
        "Przetłumaczono ręcznie dnia 27 November 2026",
        "19 seconds ago",
        "Wersja Live",
        "Usage count",
        "Ten strona",
        "Wpisz nazwa użytkownika",
        "Zaloguj się do Wagtaila",
        "Wyślij do moderacji (dział Współpraca)",
        "Akceptuj i Opublikuj",
        "Używa wersji Polski",
        "Opublikowano: „Partnerstwo „Cytadela-Powązki””.",
        "Twoje strony i skrawki w procesie",
        "Zmiany zażądane dnia Akceptacja moderatora",
        "Oczekujące Akceptacja moderatora",
        "Wybierz organizacja partnerska",
        "9 organizacje partnerskie",
        "Opublikowano 'Współpraca' w angielski.",
        "Tytuł 1–3 z 3 (None)",
        "To pole jest wymagane. Wpisz nazwę ulicy.",
        "znakiem cudzysłowia",
        "Snippety",
        "Anuluj proces",
        "Zrestartuj proces",
        "Tutaj znajdziejsz instrukcje",
        "Ten plik ma zbyt wiele pikseli (unknown number).",
        "Proszę wysłać co najwyżej 1000formularzy.",
        "Twoje nazwa użytkownika i hasło nie pasuje.",
        "Bad Request (400)",
    ]
    for phrase in quoted:
        assert offending(phrase), phrase
    assert not offending('{"isRoot": false, "formLayout": null, "isLive": true}')
    assert not offending("Opublikowano: Partnerstwo „Cytadela-Powązki”.")
    assert not offending("4 organizacje partnerskie; „Kaskada” i „Rudawka”")


@pytest.mark.parametrize(
    "catalog, msgid, polish",
    [
        ("wagtail_localize", "Publish in ", "Opublikuj wersję: "),
        ("wagtail_localize", "Uses %s version", "Używa wersji: %s"),
        ("wagtail_localize", "Edit this %s", "Edytuj: %s"),
        ("wagtail", "Autosave in progress…", "Trwa automatyczny zapis…"),
    ],
)
def test_javascript_catalogs_read_polish(client, db, catalog, msgid, polish):
    client.force_login(moderator())
    url = (
        "/admin/localize/jsi18n/" if catalog == "wagtail_localize" else "/admin/jsi18n/"
    )
    response = client.get(url)
    assert response.status_code == 200
    catalog = json.loads(
        re.search(r"newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1)
    )
    assert catalog[msgid] == polish


def test_translation_editor_heading_is_rewritten_in_polish(client, screens):
    client.force_login(translator())
    text = page_text(client.get(screens["translation editor"]))
    assert "js/admin-wording" in text
    assert 'data-translation-heading="Tłumaczenie: %(source)s → %(target)s"' in text
    assert 'data-more-actions="Więcej akcji"' in text
    # Language names in the admin are Polish words, not endonyms.
    assert '"display_name": "angielski"' in text


def test_translation_notes_are_dated_in_polish(client, screens):
    client.force_login(moderator())
    text = page_text(client.get(screens["translation editor"]))
    props = text.encode("ascii", "backslashreplace").decode("unicode_escape")
    assert re.search(
        r"Przetłumaczono ręcznie dnia \d{1,2} [a-ząęółśżźćń]+ \d{4}", props
    )
    assert not re.search(r"\d (November|December|January) \d{4}", props)
