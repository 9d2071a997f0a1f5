"""The English of the seed content (`en.po`) covers every segment, and only those.

wagtail-localize keys translations by the exact Polish segment text, so a
Polish sentence edited in `pl.toml` without its English twin in `en.po` would
silently leave the English page half Polish, and the old English entry would
linger unused. These tests extract the segments the way wagtail-localize does
and check each one has a real English text and each English text a segment;
the accessibility statement and privacy notice are checked most closely.
"""

import os
import re
import shutil
import subprocess

import pytest
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from cooperation.models import PartnerOrganization
from home.models import AccessibilityStatementPage, StandardPage
from site_settings.initial_content import seed
from site_settings.models import FooterText

PAGES = (
    (AccessibilityStatementPage, "deklaracja-dostepnosci", "accessibility-statement"),
    (StandardPage, "polityka-prywatnosci", "privacy-notice"),
)

# Texts allowed to read the same in both languages: names, numbers, URLs.
SAME_IN_ENGLISH = frozenset()

POLISH_LETTERS = re.compile("[ąćęłńóśźż]", re.IGNORECASE)
# Polish words that stay in the English text on purpose (names of institutions).
POLISH_NAMES = (
    "Żoliborz",
    "Rzecznik Praw Obywatelskich",
    "Prezes Urzędu Ochrony Danych Osobowych",
    "Biuletyn Informacji Publicznej",
)


def segments_of(instance):
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    strings = [
        segment.string.data
        for segment in source.stringsegment_set.select_related("string")
    ]
    overridables = [
        segment.data_json for segment in source.overridablesegment_set.all()
    ]
    return source, strings, overridables


def seeded_polish_objects():
    """Every Polish page and snippet of a freshly seeded site."""
    pages = Page.objects.filter(locale__language_code="pl", depth__gte=2)
    return [
        *(page.specific for page in pages),
        *PartnerOrganization.objects.filter(locale__language_code="pl"),
        *FooterText.objects.filter(locale__language_code="pl"),
    ]


@pytest.fixture
def legal_pages(seeded):
    return [model.objects.get(slug=slug) for model, slug, _ in PAGES]


def test_every_segment_has_an_english_translation(legal_pages):
    english = seed.english()
    for page in legal_pages:
        _, strings, overridables = segments_of(page)
        missing = [text for text in strings if text not in english]
        assert not missing, f"{page.slug}: no English for {missing}"
        # The only overridable segment is the complaint link's URL, which is
        # the same for English readers; nothing there needs translating.
        assert all(value.startswith('"https://') for value in overridables)


def test_every_english_text_translates_a_seeded_segment(seeded):
    extracted = set()
    for instance in seeded_polish_objects():
        extracted.update(segments_of(instance)[1])
    stale = set(seed.english()) - extracted
    assert not stale, f"English texts for Polish nothing has any more: {stale}"


def test_english_texts_are_real_translations(legal_pages):
    english = seed.english()
    for page in legal_pages:
        for polish in segments_of(page)[1]:
            text = english[polish]
            assert text.strip(), f"empty English for {polish!r}"
            if polish not in SAME_IN_ENGLISH:
                assert text != polish, f"untranslated: {polish!r}"
            # Link placeholders must survive, or wagtail-localize rejects the text.
            assert re.findall(r'<a id="a\d+">', polish) == re.findall(
                r'<a id="a\d+">', text
            ), polish
            assert "DO UZUPEŁNIENIA" not in text
            if "DO UZUPEŁNIENIA" in polish:
                assert "[TO BE COMPLETED BY THE LIBRARY: " in text
            leftover = strip_tags(text)
            for name in POLISH_NAMES:
                leftover = leftover.replace(name, "")
            assert not POLISH_LETTERS.search(leftover), f"Polish left in {text!r}"


def test_translations_publish_an_english_page(
    legal_pages, english, django_capture_on_commit_callbacks
):
    texts = seed.english()
    for (_, _, english_slug), page in zip(PAGES, legal_pages, strict=True):
        source, _, _ = segments_of(page)
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=texts[segment.string.data],
            )
        with django_capture_on_commit_callbacks(execute=True):
            translated, _ = source.create_or_update_translation(
                english, copy_parent_pages=True
            )
        translated = translated.specific
        translated.refresh_from_db()
        assert translated.slug == english_slug
        assert translated.live
        # Read back: every text on the English page is one of our English texts,
        # links included (the complaint link keeps its URL).
        _, english_strings, english_urls = segments_of(translated)
        assert sorted(english_strings) == sorted(
            texts[text] for text in segments_of(page)[1]
        )
        assert english_urls == segments_of(page)[2]


def test_en_po_passes_msgfmt_check():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(  # noqa: S603 - a fixed command on our own file
        [msgfmt, "--check", "-o", os.devnull, str(seed.ENGLISH_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_entry_of_en_po_is_translated():
    """A fuzzy, empty or obsolete entry would be no English for the loader."""
    catalog = seed.catalog()
    assert not catalog.fuzzy_entries()
    assert not catalog.untranslated_entries()
    assert not catalog.obsolete_entries()


def test_the_library_name_is_filled_in_on_both_sides():
    english = seed.english()
    assert english[seed.polish().library_name] == seed.english_library_name()
    for polish, text in english.items():
        assert "$" not in polish + text, polish
