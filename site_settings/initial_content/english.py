"""The seeded site's English, made through wagtail-localize from the English
of `en.po` (``seed.english()``), as if a translator had typed it."""

import logging

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cooperation.models import PartnerOrganization
from home.models import HomePage
from site_settings.models import FooterText

from . import seed

logger = logging.getLogger(__name__)


class MissingEnglish(Exception):
    """A seeded Polish string has no English in `en.po` (``seed.english()``)."""

    def __init__(self, instance, strings):
        self.instance = instance
        self.strings = strings
        super().__init__(
            f"No English for {len(strings)} string(s) of {instance!r}: {strings!r}"
        )


def untranslated_strings(source, translations=None):
    """The Polish strings of ``source`` that ``translations`` (by default the
    English of `en.po`) has no English for, in the order they appear."""
    translations = seed.english() if translations is None else translations
    strings = StringSegment.objects.filter(source=source).order_by("order")
    return [
        segment.string.data
        for segment in strings.select_related("string")
        if segment.string.data not in translations
    ]


def translate_into_english(instance, locale, report):
    """Create the English version of ``instance`` through wagtail-localize:
    a translation source, a Translation into English and a string translation
    for every segment, then the translated object, published.

    An object that already has an English version is left alone. One whose
    Polish has a string with no English (an editor changed the Polish before
    the English was made) is skipped and reported, for a librarian to
    translate in the editor."""
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    missing = untranslated_strings(source)
    if missing:
        error = MissingEnglish(instance, missing)
        logger.warning("%s", error)
        report.missing.append(error)
        report.skipped.append(str(instance))
        return None
    # Re-enabled if an earlier English version was deleted (which disables it).
    Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": seed.english()[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    # Translation.save_target() would publish in transaction.on_commit, after
    # the loader's transaction; a draft published here is live at once (also
    # inside tests), and fallback=False refuses to fill gaps with Polish.
    is_draftable = isinstance(instance, (Page, DraftStateMixin))
    target, _created = source.create_or_update_translation(
        locale, publish=not is_draftable, fallback=False
    )
    if is_draftable:
        target.refresh_from_db()
        target.get_latest_revision().publish()
    report.add(f"English {type(instance)._meta.verbose_name}", target)
    return target


def english_locale():
    locale, _created = Locale.objects.get_or_create(language_code="en")
    return locale


def seeded_page_slugs():
    return {page["slug"] for page in seed.polish().pages}


@transaction.atomic
def load_english(report):
    """English translations of the seeded pages and snippets that have none,
    counted in ``report``. Only what the loader itself seeds: a page or
    organisation a librarian added is theirs to translate in the admin."""
    locale = english_locale()
    polish_locale = Locale.get_default()
    organization_slugs = [data["slug"] for data in seed.polish().organizations]
    snippets = [
        *PartnerOrganization.objects.filter(
            locale=polish_locale, slug__in=organization_slugs
        ).order_by("pk"),
        *FooterText.objects.filter(locale=polish_locale).order_by("pk"),
    ]
    for snippet in snippets:
        translate_into_english(snippet, locale, report)
    home = HomePage.objects.filter(locale=polish_locale, depth=2).first()
    if home is None:
        return report
    slugs = seeded_page_slugs()
    created = []
    # Tree order: a parent always has its English version before its children.
    pages = home.get_descendants(inclusive=True).order_by("path").specific()
    for page in pages:
        if page.slug not in slugs:
            continue
        if page.depth > 2 and page.get_parent().get_translation_or_none(locale) is None:
            report.skipped.append(f"{page} (its parent has no English version)")
            continue
        english_page = translate_into_english(page, locale, report)
        if english_page is not None:
            created.append(english_page.pk)
    # wagtail-localize copies a page with its Polish slug, then gives it the
    # English one; Wagtail records each rename (on commit) as an automatic
    # redirect from an address that was never public. Drop those once made,
    # not to clutter the librarians' list of redirects.
    transaction.on_commit(
        lambda: Redirect.objects.filter(
            automatically_created=True, redirect_page_id__in=created
        ).delete()
    )
    return report
