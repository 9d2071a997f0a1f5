"""Backups taken while a librarian saves and publishes: a writer process
creates, saves and publishes pages and uploads images in a loop, each step
acknowledged once committed; `manage.py backup` runs three times meanwhile;
each archive is restored into a fresh database and holds every save and
every image acknowledged before its backup began. Reading one model after
another outside one snapshot gave archives whose pages named revisions they
lacked, which did not restore.

On SQLite (file databases copied from the migrated test database) and, as a
stack test, on PostgreSQL (TEST_POSTGRES_URL; scripts/services.sh)."""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .test_admin_concurrency_live import migrated_file_database

REPO = Path(__file__).resolve().parents[1]
BACKUPS = 3

SETUP = """
import json
import django
django.setup()
from tests import factories
site = factories.polish_site(logos=False)
print(json.dumps({"home": site.home.pk, "edited": site.statement.pk}))
"""

# argv: home page id, edited page id, acknowledgement file, stop file.
WRITER = """
import sys
from pathlib import Path
import django
django.setup()
from django.db import transaction
from wagtail.models import Page
from home.models import StandardPage
from tests import factories
home, edited = (Page.objects.get(pk=int(pk)) for pk in sys.argv[1:3])
acknowledged, stop = Path(sys.argv[3]), Path(sys.argv[4])
n = 0
while not stop.exists():
    n += 1
    with transaction.atomic():
        page = StandardPage(title=f"Zapis {n}", slug=f"zapis-{n}", live=False)
        home.add_child(instance=page)
        revision = page.save_revision()
        if n % 2:
            revision.publish()
    with transaction.atomic():
        factories.image(title=f"Obraz {n}")
    with transaction.atomic():
        statement = edited.specific_class.objects.get(pk=edited.pk)
        statement.title = f"Deklaracja {n}"
        statement.save_revision().publish()
    with acknowledged.open("a") as file:
        file.write(f"{n}\\n")
"""

# argv: archive. Restores it, then says what is there.
RESTORE_AND_REPORT = """
import json
import sys
import django
django.setup()
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page
call_command("restore", sys.argv[1], interactive=False, verbosity=0)
pages = Page.objects.filter(slug__startswith="zapis-")
images = get_image_model().objects.filter(title__startswith="Obraz ")
print(json.dumps({
    "saved": sorted(int(p.slug.split("-")[1]) for p in pages if p.latest_revision),
    "images": sorted(
        int(i.title.split()[1]) for i in images if default_storage.exists(i.file.name)
    ),
}))
"""


def run(script, env, *args, timeout=120):
    result = subprocess.run(  # noqa: S603 - our own scripts
        [sys.executable, *script, *map(str, args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def acknowledged(path):
    return len(path.read_text().split()) if path.exists() else 0


def backups_during_saves(database_url, fresh_url, tmp_path):
    """Back up three times while the writer runs, restore each archive into
    ``fresh_url(n)`` and compare with what was acknowledged before."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    ids = json.loads(run(["-c", SETUP], env).strip().splitlines()[-1])
    acks, stop = tmp_path / "acknowledged", tmp_path / "stop"
    writer = subprocess.Popen(  # noqa: S603 - our own script
        [
            sys.executable,
            "-c",
            WRITER,
            *map(str, [ids["home"], ids["edited"], acks, stop]),
        ],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    archives = []
    try:
        for _ in range(200):
            if acknowledged(acks) >= 2 or writer.poll() is not None:
                break
            time.sleep(0.1)
        for n in range(BACKUPS):
            before = acknowledged(acks)
            out = run(["manage.py", "backup", "--output", tmp_path / f"b{n}"], env)
            assert "written and checked" in out
            (archive,) = (tmp_path / f"b{n}").glob("zoliborz-*.tar.gz")
            archives.append((before, archive))
        assert writer.poll() is None, writer.stderr.read()[-3000:]
    finally:
        stop.touch()
        writer.wait(timeout=60)
    # The writer went on saving while each backup ran.
    assert acknowledged(acks) > archives[-1][0] > archives[0][0] > 0
    for n, (before, archive) in enumerate(archives):
        out = run(["manage.py", "backup", "--check", archive], env)
        assert "sound" in out
        restored = {
            **env,
            "DATABASE_URL": fresh_url(n),
            "TEST_MEDIA_ROOT": str(tmp_path / f"restored-media-{n}"),
        }
        report = run(["-c", RESTORE_AND_REPORT], restored, archive)
        found = json.loads(report.strip().splitlines()[-1])
        expected = list(range(1, before + 1))
        assert found["saved"][:before] == expected, (archive, before, found)
        assert found["images"][:before] == expected, (archive, before, found)


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory, django_db_setup, django_db_blocker):
    """A copy of the migrated, empty test database, made before any test's
    transaction (SQLite cannot copy a database its connection writes to)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL run is the stack test below")
    migrated = tmp_path_factory.mktemp("backups") / "migrated.sqlite3"
    migrated_file_database(migrated, None, django_db_blocker)
    return migrated


# The mark makes pytest-django set up the test database this copies.
@pytest.mark.django_db
@pytest.mark.sqlite_only
def test_backups_during_saves_restore_with_every_acknowledged_save_sqlite(
    tmp_path, migrated_sqlite
):
    site = tmp_path / "site.sqlite3"
    site.write_bytes(migrated_sqlite.read_bytes())

    def fresh(n):
        copy = tmp_path / f"restored-{n}.sqlite3"
        copy.write_bytes(migrated_sqlite.read_bytes())
        return f"sqlite:///{copy}"

    backups_during_saves(f"sqlite:///{site}", fresh, tmp_path)


@pytest.mark.stack
def test_backups_during_saves_restore_with_every_acknowledged_save_postgres(tmp_path):
    server = os.environ.get("TEST_POSTGRES_URL")
    if not server:
        reason = "TEST_POSTGRES_URL not set (scripts/services.sh starts PostgreSQL)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    import psycopg

    base = server.rsplit("/", 1)[0]
    prefix = f"backup_{uuid.uuid4().hex[:8]}"
    names = [f"{prefix}_migrated", f"{prefix}_site"]
    names += [f"{prefix}_restored_{n}" for n in range(BACKUPS)]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{names[0]}"')
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"{base}/{names[0]}",
        }
        run(["manage.py", "migrate", "-v0"], env, timeout=300)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            for name in names[1:]:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{names[0]}"')
        backups_during_saves(
            f"{base}/{names[1]}", lambda n: f"{base}/{names[2 + n]}", tmp_path
        )
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
