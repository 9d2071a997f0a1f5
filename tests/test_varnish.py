"""config/varnish/default.vcl in a real varnishd, in front of two `make
serve` servers that share one Redis (the page cache) and one SQLite
database and media folder (one machine).

varnishd runs the repository's VCL with config/varnish/backend.example.vcl
as backend.vcl, the test's two servers put in: round robin, so that each
page asked twice is answered once by each. The
site's public address is Varnish's, as in production.

Skipped when varnishd or Redis (TEST_REDIS_URL, scripts/services.sh) is
missing, except in CI, where that is a failure.
"""

import os
import shutil
import sqlite3
import subprocess
import time
import uuid

import pytest
import requests
from django.conf import settings

from scripts.production_server import (
    START_TIMEOUT,
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
    "/szukaj/?query=kaskada",
    "/sitemap.xml",
    "/api/partnerships.json",
]


def missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def varnishd():
    found = shutil.which("varnishd") or shutil.which(
        "varnishd", path="/usr/sbin:/usr/local/sbin"
    )
    if not found:
        missing("varnishd not found (Debian package varnish; make test installs it)")
    return found


def backend_vcl(ports, host="127.0.0.1"):
    """config/varnish/backend.example.vcl with the test's two servers (on
    this machine, ``ports``) and the site's host name put in."""
    text = (VCL.parent / "backend.example.vcl").read_text()
    for example, port in zip(("10.0.0.11", "10.0.0.12"), ports, strict=True):
        text = text.replace(
            f'"{example}";\n    .port = "8000"', f'"127.0.0.1";\n    .port = "{port}"'
        )
        text = text.replace(f'    "{example}";\n', "")
    assert "10.0.0." not in text and "8000" not in text, text
    return text.replace("biblioteka.example.pl", host)


class Varnish:
    """varnishd in the foreground with the repository's VCL in front of the
    servers on ``backend_ports``, its instance folder and log in ``folder``."""

    def __init__(self, folder, backend_ports):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        include = folder / "vcl"
        include.mkdir()
        (include / "backend.vcl").write_text(backend_vcl(backend_ports))
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
        deadline = time.monotonic() + START_TIMEOUT  # compiling the VCL, when busy
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

    def __init__(self, apps, varnish, database):
        self.apps, self.varnish, self.database = apps, varnish, database

    def get(self, path, **kwargs):
        return requests.get(self.varnish.url + path, timeout=60, **kwargs)

    def query(self, sql, *params):
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    varnishd()
    if not os.environ.get("TEST_REDIS_URL"):
        missing("TEST_REDIS_URL not set (scripts/services.sh starts Redis)")
    folder = tmp_path_factory.mktemp("varnish-stack")
    ports = [free_port(), free_port()]
    varnish = Varnish(folder, ports)
    database = folder / "db.sqlite3"
    shared = {
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SECRET_KEY": f"stack-{uuid.uuid4().hex}{uuid.uuid4().hex}",
        # Databases 2 and 3 (pages): a publish clears the pages database whole,
        # and the two-servers test, which may run meanwhile, uses 0 and 1.
        "REDIS_URL": os.environ["TEST_REDIS_URL"].rsplit("/", 1)[0] + "/2",
        "DJANGO_CACHE_PREFIX": f"varnish_{uuid.uuid4().hex[:10]}",
        # Visitors and the Site record use Varnish's address.
        "WAGTAILADMIN_BASE_URL": varnish.url,
    }
    apps = []
    try:
        # One after the other: the second starts on the migrated database.
        for port in ports:
            apps.append(ServeProcess(folder, port, serve_env(port, folder, **shared)))
            apps[-1].wait()
        varnish.wait()
        yield Stack(apps, varnish, database)
    finally:
        for app in apps:
            app.stop()
        varnish.stop()


@pytest.fixture(scope="module")
def librarian(stack):
    """The username of a superuser made in the site's database."""
    stack.apps[0].manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser("
        f"'bibliotekarka', 'it@example.pl', {PASSWORD!r})",
    )
    return "bibliotekarka"


def kept_by_varnish(response):
    """Whether Varnish answered from its own cache: X-Varnish then names
    this request and the one that stored the object."""
    return len(response.headers["X-Varnish"].split()) == 2


def from_page_cache(response):
    return response.headers.get("X-Cache") == "hit"


def kept(stack, path):
    """Ask twice (one server each); the second answer comes from the page
    cache both share, through Varnish, which keeps nothing."""
    first = stack.get(path)
    assert first.status_code == 200, path
    second = stack.get(path)
    assert from_page_cache(second), (path, second.headers)
    assert second.content == first.content, path
    for response in (first, second):
        assert not kept_by_varnish(response), path
        assert "no-cache" in response.headers["Cache-Control"], path
        assert "Set-Cookie" not in response.headers, path
    return second


def test_anonymous_pages_come_from_the_shared_page_cache(stack):
    for path in PUBLIC:
        kept(stack, path)
    assert "Partnerstwo „Marymont-Kaskada”" in stack.get(PL_KASKADA).text
    assert "The “Marymont-Kaskada” partnership" in stack.get(EN_KASKADA).text
    # A cookie the site does not use changes nothing, nor does the
    # language a browser asks for: the address says the language.
    assert from_page_cache(stack.get(PL_INDEX, cookies={"_pk_id": "1"}))
    for languages in ("pl-PL,pl;q=0.9,en;q=0.8", "en-GB,en;q=0.9", "de"):
        for path in (PL_INDEX, EN_KASKADA):
            response = stack.get(path, headers={"Accept-Language": languages})
            assert from_page_cache(response), (path, languages)
    assert 'lang="pl"' in stack.get(PL_INDEX, headers={"Accept-Language": "en"}).text
    # Static files are Varnish's to keep.
    static = next(
        part.split('"')[0]
        for part in stack.get("/").text.split('href="')
        if part.startswith("/static/")
    )
    stack.get(static)
    assert kept_by_varnish(stack.get(static))


def test_a_librarian_never_gets_a_kept_page(stack, librarian):
    for _ in range(2):
        login = stack.get("/admin/login/")
        assert login.status_code == 200
        assert not kept_by_varnish(login) and not from_page_cache(login)
    kept(stack, PL_KASKADA)
    session = log_in(stack, librarian)
    for _ in range(2):  # once from each server
        page = session.get(stack.varnish.url + PL_KASKADA, timeout=60)
        assert not from_page_cache(page) and not kept_by_varnish(page)
        assert "wagtail-userbar" in page.text
    for cookie in ("sessionid=abc", "theme=dark; csrftoken=abc"):
        response = stack.get(PL_KASKADA, headers={"Cookie": cookie})
        assert not from_page_cache(response), cookie
    assert "wagtail-userbar" not in kept(stack, PL_KASKADA).text
    posted = requests.post(stack.varnish.url + PL_INDEX, timeout=60)
    assert not from_page_cache(posted) and not kept_by_varnish(posted)


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


def both_servers(stack, path):
    """The next two answers for ``path``, one from each server; the first
    rendered afresh (the page cache was cleared)."""
    first, second = stack.get(path), stack.get(path)
    assert not from_page_cache(first), path
    return [first.text, second.text]


def test_what_an_editor_publishes_reaches_visitors_in_both_languages(stack, librarian):
    """Published in the Wagtail admin (through Varnish, as a librarian):
    the next anonymous request of every page, on either server, shows it."""
    for path in PUBLIC:
        kept(stack, path)
    session = log_in(stack, librarian)

    # A new Polish partnership: on the Polish index, in search, the sitemap
    # and the open-data feed at once.
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
    new_page = PL_INDEX + "stary-zoliborz/"
    name = "Partnerstwo Lokalne Stary Żoliborz"
    for path, text in [
        (PL_INDEX, name),
        (new_page, name),
        ("/szukaj/?query=kaskada", "Marymont"),
        ("/sitemap.xml", new_page),
        ("/api/partnerships.json", "Stary Żoliborz"),
    ]:
        for html in both_servers(stack, path):
            assert text in html, path
    # Every page was cleared: the English ones too.
    assert not from_page_cache(stack.get(EN_INDEX))

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
    for _ in range(2):
        assert stack.get(EN_KASKADA).status_code == 404
    for html in both_servers(stack, EN_INDEX):
        assert EN_KASKADA not in html
    assert stack.get(PL_KASKADA).status_code == 200
    assert PL_KASKADA in stack.get(PL_INDEX).text
