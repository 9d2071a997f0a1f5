"""The real-browser suite: Debian's Chromium, driven by Playwright, against a
live Django server that serves the seeded site.

Playwright never downloads a browser here: every launch goes to the system
Chromium (``/usr/bin/chromium``, Debian package ``chromium``; ``CHROMIUM_PATH``
points elsewhere). One browser serves the whole session, one server too; each
test module gets the seeded site afresh (built by the real loader once, then
copied on SQLite) and flushes it afterwards.
"""

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer

from scripts.chromium import CHROMIUM_ARGS
from tests.conftest import build_site
from tests.factories import tree_roots

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

# Read at collection, before any test database replaces it.
REAL_DATABASE_NAME = settings.DATABASES["default"]["NAME"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"
ADMIN_USERNAME = "browser-admin"
ADMIN_PASSWORD = "browser-admin-password"

# Pages that are not Wagtail pages of their own but views of one: results
# and filtered views. Add a path here and every browser check covers it.
EXTRA_PATHS = [
    "/wspolpraca/partnerstwa-lokalne/?street=Krasi%C5%84skiego",
    "/wspolpraca/partnerstwa-lokalne/?street=%3Cb%3Enie+ma%3C%2Fb%3E",
    "/wspolpraca/z-kim-wspolpracujemy/?sector=school",
    "/wspolpraca/z-kim-wspolpracujemy/?partnership=marymont-kaskada",
    "/wspolpraca/z-kim-wspolpracujemy/?sector=faith",
    "/wspolpraca/partnerstwa-lokalne/?street=potockiej",
    "/wspolpraca/partnerstwa-lokalne/?street=mickiewicz",
    "/wspolpraca/partnerstwa-lokalne/?street=Wloscianskx",
    "/szukaj/?query=Kaskada",
    "/szukaj/?query=zzzz",
    "/en/search/?query=Zatrasie",
]
NOT_FOUND_PATHS = ["/nie-ma-takiej-strony/", "/en/no-such-page/"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium instead of a browser Playwright downloads."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: install the Debian package "
            "(apt-get install chromium) or set CHROMIUM_PATH."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Pages of the default context ignore the Content-Security-Policy, so a
    test may inject its own <style> or style attribute (text spacing, a
    planted contrast problem). The policy itself is tested in contexts of
    their own that enforce it (test_csp.py)."""
    return {**browser_context_args, "bypass_csp": True}


@dataclass
class LiveSite:
    """The running site: its address and the paths of its public pages."""

    url: str
    page_paths: list = field(default_factory=list)
    partnership_edit_path: str = ""
    partnership_pk: int = 0

    @property
    def public_paths(self):
        """Every live page of every locale, the result views and a 404."""
        return self.page_paths + EXTRA_PATHS + NOT_FOUND_PATHS

    def __call__(self, path):
        return self.url + path


class SerialWSGIServer(WSGIServer):
    """Answers one request at a time. The server thread shares the test
    thread's single in-memory SQLite connection, and the admin's background
    requests (editing-session pings) would otherwise use it concurrently."""

    # Held while a request is answered, and by the test thread while it
    # flushes the database: a request the browser sent just before a test
    # ended (a preview update, an editing-session ping) is answered inside
    # one transaction on the shared connection and must not interleave with
    # the flush's own (seen: "FOREIGN KEY constraint failed" at flush).
    lock = threading.Lock()

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override

    def process_request(self, request, client_address):
        with self.lock:
            super().process_request(request, client_address)


@pytest.fixture(scope="session")
def browser_db(django_db_setup, django_db_blocker):
    """The test database. pytest-django creates it only when a collected test
    is marked for the database; when only browser tests run, none is, so it
    is created here the same way."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    if connection.settings_dict["NAME"] != REAL_DATABASE_NAME:
        # pytest-django set up the test database already.
        yield
        return
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def site_server(browser_db, django_db_blocker):
    """pytest-django's live server, started once. It shares the in-memory
    test database connection with the test thread.

    The browser tests deliberately use neither ``live_server`` nor a
    ``django_db`` mark: both make every test transactional, and the flush
    after each would mean building the site again for every test. Each module
    builds the site once and flushes it afterwards, then restores what
    migrations made, so tests that run after it (in any order, with xdist)
    find the database as migrations left it.
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost", start=False)
        server.thread.server_class = SerialWSGIServer
        server.start()
    yield server
    server.stop()


def restore_migrated_data():
    """The locales, tree roots and librarians' groups that migrations create
    and a flush removes."""
    from cooperation.roles import ensure_roles

    tree_roots()
    ensure_roles()


# The seeded site with the admin, as the first module built it (SQLite).
_built = {}


def seeded_site_with_admin():
    """The seeded site and a superuser in the (empty, migrated) test
    database. The loader takes most of a minute on a busy machine; on SQLite
    it runs once a session and each later module gets a copy of what it
    built (SQLite's backup API), so every module still starts from the same
    freshly built site."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if "copy" in _built:
        _built["copy"].backup(connection.connection)
        # Content types are cached in memory by id: read them afresh.
        ContentType.objects.clear_cache()
        return
    build_site(english=True)
    get_user_model().objects.create_superuser(
        ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD
    )
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _built["copy"] = copy


def live_page_paths():
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    return [page.url for page in pages.specific() if page.url]


@pytest.fixture(scope="module")
def live_site(site_server, django_db_blocker):
    """The seeded site (every locale's live pages) and a superuser, new for
    each module and flushed afterwards, as a transactional test would be."""
    from cooperation.models import PartnershipPage

    with django_db_blocker.unblock():
        with SerialWSGIServer.lock:
            seeded_site_with_admin()
        partnership = PartnershipPage.objects.live().order_by("path").first()
        yield LiveSite(
            url=site_server.url,
            page_paths=live_page_paths(),
            partnership_edit_path=f"/admin/pages/{partnership.pk}/edit/",
            partnership_pk=partnership.pk,
        )
        with SerialWSGIServer.lock:
            call_command("flush", interactive=False, verbosity=0)
            # What migrations made, for the tests this worker runs next.
            restore_migrated_data()


@pytest.fixture
def admin_page(page, live_site):
    """A browser page logged in to the Wagtail admin as a superuser."""
    page.goto(live_site("/admin/login/"))
    page.fill("input[name=username]", ADMIN_USERNAME)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site("/admin/"))
    return page
