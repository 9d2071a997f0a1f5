"""Shared fixtures.

- ``site_tree``: a small Polish site built by the factories (tests/factories.py);
  what most tests need.
- ``seeded`` / ``bilingual``: the library's real initial content, built by
  `load_initial_content`'s loader (Polish only / with its English
  translation). Only for tests of the seed itself.

Each is built once per test module and every test runs in a savepoint inside
it (see ``_module_data``): the seed takes seconds to build, the factory site
most of a second.
"""

import os
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings

from . import factories

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Hypothesis: every example is a request, so a few dozen per test; the
# hostile values that broke the admin are among the first it tries.
# HYPOTHESIS_PROFILE=thorough explores twenty times as far.
_hypothesis = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
    ],
}
settings.register_profile("default", max_examples=25, **_hypothesis)
settings.register_profile("thorough", max_examples=500, **_hypothesis)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The slowest modules first: each xdist worker takes whole modules in this
# order (`--dist loadfile --no-loadscope-reorder`), so a long module does not
# start last and keep one worker busy while the other waits.
SLOW_MODULES = [
    "test_query_counts.py",
    "test_events_query_counts.py",
    "test_page_cache.py",
    "test_security_images.py",
    "test_admin_query_counts.py",
    "test_translations.py",
    "test_hostile_property.py",
    "test_admin_publish_safety.py",
    "test_easy_access.py",
    "test_admin_review.py",
    "test_admin_concurrency_live.py",
]


def pytest_collection_modifyitems(config, items):
    def weight(item):
        name = item.path.name
        return SLOW_MODULES.index(name) if name in SLOW_MODULES else len(SLOW_MODULES)

    items.sort(key=weight)
    # A test for SQLite alone is left out of the PostgreSQL run, not skipped:
    # `make test` counts a skip as a failure.
    from django.conf import settings as django_settings

    if django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return
    sqlite_only = [item for item in items if item.get_closest_marker("sqlite_only")]
    if sqlite_only:
        config.hook.pytest_deselected(items=sqlite_only)
        items[:] = [item for item in items if item not in sqlite_only]


def build_site(english=False):
    """The seeded site by the real loader: the Polish site, and with
    ``english=True`` also its English translation (all that
    `load_initial_content` makes)."""
    from site_settings.initial_content.loader import load

    factories.tree_roots()
    return load(english=english)


@contextmanager
def _module_data(request, django_db_blocker, build):
    """Data for a whole test module: built once inside a transaction that is
    rolled back when the module ends. Each test's own transaction (the ``db``
    fixture) is a savepoint inside it, so a test's changes are undone and
    the next test finds the data as built.

    A module uses one of them only: two would be built one over the other."""
    module = request.module
    chosen = getattr(module, "_module_data_fixture", None)
    if chosen not in (None, request.fixturename):
        pytest.fail(
            f"{module.__name__} uses both {chosen} and {request.fixturename}: "
            "a test module builds one set of shared data."
        )
    module._module_data_fixture = request.fixturename
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _seeded_module(request, django_db_setup, django_db_blocker):
    with _module_data(request, django_db_blocker, build_site) as report:
        yield report


@pytest.fixture(scope="module")
def _bilingual_module(request, django_db_setup, django_db_blocker):
    build = lambda: build_site(english=True)  # noqa: E731
    with _module_data(request, django_db_blocker, build) as report:
        yield report


@pytest.fixture
def seeded(_seeded_module, db):
    """The whole Polish initial content, as the loader makes it."""
    return _seeded_module


@pytest.fixture
def bilingual(_bilingual_module, db):
    """Everything `load_initial_content` makes: the Polish site and its
    English translation, made through wagtail-localize."""
    return _bilingual_module


@pytest.fixture(scope="module")
def _site_tree_module(request, django_db_setup, django_db_blocker):
    with _module_data(request, django_db_blocker, factories.polish_site) as site:
        yield site


@pytest.fixture
def site_tree(_site_tree_module, db):
    """A small Polish site shaped like the library's, built by factories
    (once per module; each test gets fresh copies of its objects)."""
    return _site_tree_module.reloaded()


@pytest.fixture
def english(db):
    return factories.locale("en")


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts without the fragments and site root paths another
    test kept (the database it read them from is rolled back)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
