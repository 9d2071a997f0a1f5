"""config/varnish/default.vcl in a real varnishd, in front of `make serve`.

One module-wide stack: scripts/serve.sh (production settings, its own SQLite
database, the initial content in both languages) with
DJANGO_FRONTEND_CACHE_URL at Varnish's purge listener, and varnishd with the
repository's VCL and a backend.vcl of the test's (as production's is made
from config/varnish/backend.example.vcl) naming that server. The
site's public address is Varnish's, as in production, so the addresses the
site purges are the ones visitors ask for.

Skipped when varnishd is missing (Debian package `varnish`), except in CI,
where that is a failure.
"""

import http.client
import os
import shutil
import sqlite3
import subprocess
import time

import pytest
import requests
from django.conf import settings

from scripts.production_server import (
    ServeProcess,
    admin_session,
    free_port,
    serve_env,
    stop_process_group,
)

from .factories import PASSWORD, partnership_form_data

pytestmark = pytest.mark.stack

VCL = settings.BASE_DIR / "config" / "varnish" / "default.vcl"
PL_INDEX = "/wspolpraca/partnerstwa-lokalne/"
PL_KASKADA = PL_INDEX + "marymont-kaskada/"
EN_INDEX = "/en/cooperation/local-partnerships/"
EN_KASKADA = EN_INDEX + "marymont-kaskada/"
PUBLIC = [
    "/",
    PL_INDEX,
    PL_KASKADA,
    "/en/",
    EN_INDEX,
    EN_KASKADA,
    "/sitemap.xml",
    "/api/partnerships.json",
]


def varnishd():
    found = shutil.which("varnishd") or shutil.which(
        "varnishd", path="/usr/sbin:/usr/local/sbin"
    )
    if not found:
        reason = "varnishd not found (Debian package varnish; .ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


class Varnish:
    """varnishd in the foreground with the repository's VCL: a public
    listener and the "purge" one, its instance folder and log in ``folder``."""

    def __init__(self, folder, backend_port):
        self.port, self.purge_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"
        include = folder / "vcl"
        include.mkdir()
        # As config/varnish/backend.example.vcl, naming the test's server;
        # no application server elsewhere (192.0.2.0/24 is for documentation).
        (include / "backend.vcl").write_text(
            f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
            'acl app_servers { "192.0.2.1"; }\n'
        )
        self.log = folder / "varnishd.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [
                    varnishd(),
                    "-F",
                    # No privilege separation: as root, the compiler would
                    # run as Debian's vcache user, which cannot read
                    # pytest's private folders (and varnishd would fail).
                    "-j",
                    "none",
                    "-n",
                    str(folder / "instance"),
                    "-a",
                    f"127.0.0.1:{self.port}",
                    "-a",
                    f"purge=127.0.0.1:{self.purge_port}",
                    "-p",
                    f"vcl_path={include}",
                    "-f",
                    str(VCL),
                    "-s",
                    "malloc,32m",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd stopped:\n{self.log.read_text()[-3000:]}")
            try:
                requests.get(self.url, timeout=5)
                return self
            except requests.ConnectionError:
                time.sleep(0.5)
        pytest.fail(f"varnishd did not answer:\n{self.log.read_text()[-3000:]}")

    def stop(self):
        stop_process_group(self.process)


class Stack:
    """The site as visitors reach it (through Varnish), and its database."""

    def __init__(self, app, varnish, database):
        self.app, self.varnish, self.database = app, varnish, database

    def get(self, path, **kwargs):
        return requests.get(self.varnish.url + path, timeout=60, **kwargs)

    def query(self, sql, *params):
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    varnishd()
    folder = tmp_path_factory.mktemp("varnish-stack")
    app_port = free_port()
    varnish = Varnish(folder, app_port)
    database = folder / "db.sqlite3"
    app = None
    try:
        app = ServeProcess(
            folder,
            app_port,
            serve_env(
                app_port,
                folder,
                DATABASE_URL=f"sqlite:///{database}",
                DJANGO_MEDIA_ROOT=str(folder / "media"),
                # Visitors, the Site record and the purges use Varnish's
                # address.
                WAGTAILADMIN_BASE_URL=varnish.url,
                DJANGO_FRONTEND_CACHE_URL=varnish.purge_url,
                # Two workers (serve_env's), sharing the page cache in files.
            ),
        )
        varnish.wait()
        app.wait()
        yield Stack(app, varnish, database)
    finally:
        if app is not None:
            app.stop()
        varnish.stop()


@pytest.fixture(scope="module")
def librarian(stack):
    """The username of a superuser made in the site's database."""
    stack.app.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser("
        f"'bibliotekarka', 'it@example.pl', {PASSWORD!r})",
    )
    return "bibliotekarka"


def served_by_varnish(response):
    """Whether Varnish answered from its cache: X-Varnish then names this
    request and the one that stored the object."""
    return len(response.headers["X-Varnish"].split()) == 2


def kept(stack, path):
    """Ask twice; the second answer, which must come from Varnish's cache."""
    first = stack.get(path)
    assert first.status_code == 200, path
    second = stack.get(path)
    assert served_by_varnish(second), (path, second.headers)
    assert second.content == first.content, path
    return second


def test_anonymous_pages_feeds_and_sitemap_are_kept_in_both_languages(stack):
    for path in PUBLIC:
        response = kept(stack, path)
        assert "s-maxage=" in response.headers["Cache-Control"], path
        assert "Set-Cookie" not in response.headers, path
    assert "Partnerstwo „Marymont-Kaskada”" in stack.get(PL_KASKADA).text
    assert "The “Marymont-Kaskada” partnership" in stack.get(EN_KASKADA).text
    # A cookie the site does not use changes nothing, nor does the
    # language a browser asks for: the address says the language.
    assert served_by_varnish(stack.get(PL_INDEX, cookies={"_pk_id": "1"}))
    for languages in ("pl-PL,pl;q=0.9,en;q=0.8", "en-GB,en;q=0.9", "de"):
        headers = {"Accept-Language": languages}
        for path in (PL_INDEX, EN_KASKADA):
            response = stack.get(path, headers=headers)
            assert served_by_varnish(response), (path, languages)
    assert 'lang="pl"' in stack.get(PL_INDEX, headers={"Accept-Language": "en"}).text


def test_the_admin_librarians_and_other_methods_reach_the_site(stack, librarian):
    for _ in range(2):
        login = stack.get("/admin/login/")
        assert login.status_code == 200
        assert not served_by_varnish(login)
    for path in (PL_INDEX, EN_INDEX):
        kept(stack, path)
        for headers in (
            {"Cookie": "sessionid=abc"},
            {"Cookie": "theme=dark; csrftoken=abc"},
            {"Authorization": "Basic YWJjOmRlZg=="},
        ):
            for _ in range(2):
                assert not served_by_varnish(stack.get(path, headers=headers))
    # A librarian logged in through Varnish sees the user bar on a page
    # that anonymous visitors get from the cache, and they never see it.
    session = log_in(stack, librarian)
    page = session.get(stack.varnish.url + PL_KASKADA, timeout=60)
    assert not served_by_varnish(page)
    assert "wagtail-userbar" in page.text
    anonymous = kept(stack, PL_KASKADA)
    assert "wagtail-userbar" not in anonymous.text
    posted = requests.post(stack.varnish.url + PL_INDEX, timeout=60)
    assert not served_by_varnish(posted)


def purge(address, port, path, host, source="127.0.0.1"):
    connection = http.client.HTTPConnection(
        address, port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("PURGE", path, headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


def test_purge_only_from_the_app_servers_on_the_purge_listener(stack):
    from wagtail.contrib.frontend_cache.backends import HTTPBackend

    host = f"127.0.0.1:{stack.varnish.port}"
    kept(stack, PL_INDEX)
    kept(stack, PL_KASKADA)
    # Through the public listener (all nginx forwards comes from 127.0.0.1):
    # refused. On the purge listener from an address not in the ACL (any
    # 127.0.0.0/8 address but 127.0.0.1 reaches loopback): refused.
    assert purge("127.0.0.1", stack.varnish.port, PL_KASKADA, host) == 405
    assert (
        purge(
            "127.0.0.1",
            stack.varnish.purge_port,
            PL_KASKADA,
            host,
            source="127.0.0.2",
        )
        == 405
    )
    assert served_by_varnish(stack.get(PL_KASKADA))
    # As Wagtail's HTTPBackend sends it (PURGE, the page's Host, its path):
    # gone, in either language, and only that address.
    kept(stack, EN_KASKADA)
    backend = HTTPBackend({"LOCATION": stack.varnish.purge_url})
    for path in (PL_KASKADA, EN_KASKADA):
        backend.purge(stack.varnish.url + path)
        assert not served_by_varnish(stack.get(path)), path
        assert served_by_varnish(stack.get(path)), path
    assert served_by_varnish(stack.get(PL_INDEX))


def log_in(stack, username):
    return admin_session(stack.varnish.url, username, PASSWORD)


def post_admin(session, stack, path, data):
    data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(stack.varnish.url + path, data=data, timeout=120)


def page_id(stack, url_path):
    ((found,),) = stack.query(
        "SELECT id FROM wagtailcore_page WHERE url_path = ?", url_path
    )
    return found


def test_what_an_editor_publishes_reaches_visitors_in_both_languages(stack, librarian):
    """Published in the Wagtail admin (through Varnish, as a librarian): the
    app's own purge empties Varnish of every page in both languages."""
    for path in PUBLIC:
        kept(stack, path)
    session = log_in(stack, librarian)

    # A new Polish partnership: on the Polish index, in the sitemap and the
    # open-data feed at once; the English pages are purged too.
    index_id = page_id(stack, "/home/wspolpraca/partnerstwa-lokalne/")
    ((logo_id,),) = stack.query("SELECT id FROM wagtailimages_image LIMIT 1")
    ((organization_id,),) = stack.query(
        "SELECT id FROM cooperation_partnerorganization ORDER BY id LIMIT 1"
    )

    class Ref:  # what partnership_form_data reads from model instances
        def __init__(self, pk):
            self.pk = pk

    published = post_admin(
        session,
        stack,
        f"/admin/pages/add/cooperation/partnershippage/{index_id}/",
        partnership_form_data(
            logo=Ref(logo_id),
            organizations=[Ref(organization_id)],
            action="action-publish",
        ),
    )
    assert published.status_code == 200, published.text[:500]
    assert stack.query(
        "SELECT live FROM wagtailcore_page WHERE slug = 'stary-zoliborz'"
    ) == [(1,)]
    # Every address Varnish kept was purged: the English ones too, which
    # this change does not alter.
    for path in PUBLIC:
        response = stack.get(path)
        assert not served_by_varnish(response), path
        assert served_by_varnish(stack.get(path)), path
    new_page = PL_INDEX + "stary-zoliborz/"
    assert "Partnerstwo Lokalne Stary Żoliborz" in stack.get(PL_INDEX).text
    assert "Partnerstwo Lokalne Stary Żoliborz" in stack.get(new_page).text
    assert new_page in stack.get("/sitemap.xml").text
    assert "Stary Żoliborz" in stack.get("/api/partnerships.json").text

    # The English Marymont-Kaskada unpublished: gone from the English index
    # and its own address; the Polish one stays.
    english_id = page_id(
        stack, "/home-en/cooperation/local-partnerships/marymont-kaskada/"
    )
    assert EN_KASKADA in kept(stack, EN_INDEX).text
    kept(stack, EN_KASKADA)
    unpublished = post_admin(
        session, stack, f"/admin/pages/{english_id}/unpublish/", {}
    )
    assert unpublished.status_code == 200, unpublished.text[:500]
    assert stack.get(EN_KASKADA).status_code == 404
    assert EN_KASKADA not in stack.get(EN_INDEX).text
    assert stack.get(PL_KASKADA).status_code == 200
    assert PL_KASKADA in stack.get(PL_INDEX).text
