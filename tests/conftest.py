"""Shared fixtures: the seeded site, built in code by the real loader."""

import os

import pytest
from wagtail.models import Collection, Locale, Page

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def ensure_tree_roots():
    """Recreate what migrations made and a transactional flush removed:
    the Polish and English locales, Wagtail's root page and root collection."""
    polish, _ = Locale.objects.get_or_create(language_code="pl")
    Locale.objects.get_or_create(language_code="en")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=polish))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def build_site(english=False):
    """The seeded site by the real loader: the Polish site, and with
    ``english=True`` also its English translation (all that
    `load_initial_content` makes)."""
    from site_settings.initial_content.loader import load

    ensure_tree_roots()
    return load(english=english)


@pytest.fixture
def seeded(db):
    """The whole Polish initial content (tests that make their own English
    copies start from this)."""
    return build_site()


@pytest.fixture
def bilingual(db):
    """Everything `load_initial_content` makes: the Polish site and its
    English translation, made through wagtail-localize."""
    return build_site(english=True)


@pytest.fixture
def english(db):
    locale, _ = Locale.objects.get_or_create(language_code="en")
    return locale
