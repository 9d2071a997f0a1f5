"""Librarians writing at the same moment, for real: a Django server in its own
process (threaded, one thread per request) on a file SQLite database with the
project's settings (WAL, IMMEDIATE transactions, a timeout), and requests
sent from several threads at once through the admin, as non-superuser
librarians. Before WAL and one transaction per write, most create-and-submit
tries failed with "database is locked" or "slug already in use", and some
writes of two librarians gave a 500."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from scripts.production_server import START_TIMEOUT, free_port

from .factories import PASSWORD, partnership_form_data

# The test database is what the server's database is copied from.
pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[1]

SETUP = """
import json
import django
django.setup()
from tests import factories
site = factories.polish_site(logos=False)
factories.editor()
factories.moderator()
factories.librarian("redaktor-2", "Redaktorzy")
print(json.dumps({
    "index": site.index.pk,
    "published": site.partnerships["marymont-kaskada"].pk,
    "draft": site.partnerships[sorted(site.partnerships)[0]].pk,
    "draft_slug": sorted(site.partnerships)[0],
}))
"""


def migrated_file_database(path, env, django_db_blocker):
    """A migrated database at ``path``: a copy of the test database (already
    migrated, and empty between modules) when the suite runs on SQLite,
    else `migrate` run afresh."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(path) as target:
                connection.connection.backup(target)
            return
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory, django_db_setup, django_db_blocker):
    """A migrated file database with the small Polish site and the
    librarians, served by `runserver` (threaded) in another process."""
    database = tmp_path_factory.mktemp("concurrency") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    migrated_file_database(database, env, django_db_blocker)
    setup = subprocess.run(  # noqa: S603 - our own set-up script
        [sys.executable, "-c", SETUP], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stderr[-3000:]
    ids = json.loads(setup.stdout.strip().splitlines()[-1])
    process, url = start_runserver(env, database.parent)
    try:
        yield {"url": url, "db": database, **ids}
    finally:
        process.terminate()
        process.wait(timeout=30)


def start_runserver(env, folder, attempts=3):
    """`runserver` (threaded) on a free port, once it answers (a busy machine
    may take minutes: wait for the server, not for a time), its log in
    ``folder``; a port taken between choosing and binding it is chosen
    again."""
    for attempt in range(attempts):
        port = free_port()
        log_path = folder / f"runserver-{attempt}.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(  # noqa: S603 - our own manage.py
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    f"127.0.0.1:{port}",
                    "--noreload",
                ],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            try:
                requests.get(f"{url}/admin/login/", timeout=30)
                return process, url
            except requests.RequestException:
                time.sleep(0.5)
        if process.poll() is None:
            process.kill()
            pytest.fail(f"runserver did not answer within {START_TIMEOUT} s")
        error = log_path.read_text()
        if "already in use" not in error:
            pytest.fail(f"runserver stopped:\n{error[-3000:]}")
    pytest.fail(f"no free port for runserver in {attempts} tries")


def login(server, username):
    session = requests.Session()
    session.get(f"{server['url']}/admin/login/")
    token = session.cookies["csrftoken"]
    response = session.post(
        f"{server['url']}/admin/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def post(session, url, data, **headers):
    token = session.cookies["csrftoken"]
    return session.post(
        url,
        {**data, "csrfmiddlewaretoken": token},
        headers={"X-CSRFToken": token, **headers},
        allow_redirects=False,
        timeout=60,
    )


def at_once(*calls):
    """Run the calls in threads released at the same moment; their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error

    threads = [
        threading.Thread(target=run, args=(index, call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def query(server, sql, *params):
    with sqlite3.connect(server["db"], timeout=30) as connection:
        return connection.execute(sql, params).fetchall()


def test_create_and_submit_with_an_autosave_at_the_same_moment(server):
    session = login(server, "redaktorka")
    create = (
        f"{server['url']}/admin/pages/add/cooperation/partnershippage/"
        f"{server['index']}/"
    )
    for attempt in range(6):
        slug = f"wyscig-{attempt}"
        # Both requests come from one rendering of the form: its token.
        token = re.search(
            r'name="create_token" value="([^"]+)"', session.get(create).text
        ).group(1)
        autosave, submit = at_once(
            lambda slug=slug, token=token: post(
                session,
                create,
                {
                    **partnership_form_data(slug=slug, action=None),
                    "create_token": token,
                },
                Accept="application/json",
            ),
            lambda slug=slug, token=token: post(
                session,
                create,
                {**partnership_form_data(slug=slug), "create_token": token},
            ),
        )
        assert not isinstance(autosave, Exception), autosave
        assert not isinstance(submit, Exception), submit
        assert autosave.status_code < 500, autosave.text[:2000]
        assert submit.status_code == 302, submit.text[:2000]
        pages = query(server, "SELECT id FROM wagtailcore_page WHERE slug = ?", slug)
        assert len(pages) == 1, f"{slug}: {len(pages)} pages"
        in_moderation = query(
            server,
            "SELECT count(*) FROM wagtailcore_workflowstate "
            "WHERE object_id = ? AND status = 'in_progress'",
            str(pages[0][0]),
        )
        assert in_moderation == [(1,)], slug


def test_a_moderator_publishing_and_an_editor_saving_at_once_never_fail(server):
    moderator = login(server, "moderator")
    editors = [login(server, "redaktorka"), login(server, "redaktor-2")]
    published = f"{server['url']}/admin/pages/{server['published']}/edit/"
    draft = f"{server['url']}/admin/pages/{server['draft']}/edit/"
    rounds = 8
    failures = []

    def publish(number):
        data = partnership_form_data(
            title=f"Opublikowane {number}",
            slug="marymont-kaskada",
            action="action-publish",
        )
        return post(moderator, published, data)

    def save(session, number):
        data = partnership_form_data(
            title=f"Szkic {number}", slug=server["draft_slug"], action=None
        )
        return post(session, draft, data)

    for number in range(rounds):
        results = at_once(
            lambda n=number: publish(n),
            lambda n=number: save(editors[0], n),
            lambda n=number: save(editors[1], n),
        )
        for result in results:
            if isinstance(result, Exception) or result.status_code >= 400:
                failures.append(result)
    assert failures == [], [
        getattr(f, "status_code", f) for f in failures
    ]  # no 500, no "database is locked"

    # Every publish completed: the latest revision is the live one, and it
    # is the last title the moderator sent.
    live, latest, title = query(
        server,
        "SELECT live_revision_id, latest_revision_id, title FROM wagtailcore_page "
        "WHERE id = ?",
        server["published"],
    )[0]
    assert live == latest
    assert title == f"Opublikowane {rounds - 1}"
    assert query(server, "PRAGMA journal_mode") == [("wal",)]
