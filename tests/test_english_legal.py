"""The English accessibility statement and privacy notice cover every segment.

wagtail-localize keys translations by the exact Polish segment text, so a
Polish sentence edited in `accessibility.py` without its English twin would
silently leave the English page half Polish. These tests extract the segments
the way wagtail-localize does and check each one has a real English text.
"""

import re

import pytest
from django.utils.html import strip_tags
from wagtail_localize.models import StringTranslation, TranslationSource

from home.models import AccessibilityStatementPage, StandardPage
from site_settings.initial_content.english_legal import ENGLISH_LEGAL
from tests.conftest import build_site

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


def segments_of(page):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    strings = [
        segment.string.data
        for segment in source.stringsegment_set.select_related("string")
    ]
    overridables = [
        segment.data_json for segment in source.overridablesegment_set.all()
    ]
    return source, strings, overridables


@pytest.fixture
def legal_pages(db):
    build_site()
    return [model.objects.get(slug=slug) for model, slug, _ in PAGES]


def test_every_segment_has_an_english_translation(legal_pages):
    extracted = []
    for page in legal_pages:
        _, strings, overridables = segments_of(page)
        missing = [text for text in strings if text not in ENGLISH_LEGAL]
        assert not missing, f"{page.slug}: no English for {missing}"
        extracted.extend(strings)
        # The only overridable segment is the complaint link's URL, which is
        # the same for English readers; nothing there needs translating.
        assert all(value.startswith('"https://') for value in overridables)
    stale = set(ENGLISH_LEGAL) - set(extracted)
    assert not stale, f"English texts for Polish no page has any more: {stale}"


def test_english_texts_are_real_translations():
    for polish, english in ENGLISH_LEGAL.items():
        assert english.strip(), f"empty English for {polish!r}"
        if polish not in SAME_IN_ENGLISH:
            assert english != polish, f"untranslated: {polish!r}"
        # Link placeholders must survive, or wagtail-localize rejects the text.
        assert re.findall(r'<a id="a\d+">', polish) == re.findall(
            r'<a id="a\d+">', english
        ), polish
        assert "DO UZUPEŁNIENIA" not in english
        if "DO UZUPEŁNIENIA" in polish:
            assert "[TO BE COMPLETED BY THE LIBRARY: " in english
        leftover = strip_tags(english)
        for name in POLISH_NAMES:
            leftover = leftover.replace(name, "")
        assert not POLISH_LETTERS.search(leftover), f"Polish left in {english!r}"


def test_translations_publish_an_english_page(
    legal_pages, english, django_capture_on_commit_callbacks
):
    for (_, _, english_slug), page in zip(PAGES, legal_pages, strict=True):
        source, _, _ = segments_of(page)
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=ENGLISH_LEGAL[segment.string.data],
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
            ENGLISH_LEGAL[text] for text in segments_of(page)[1]
        )
        assert english_urls == segments_of(page)[2]
