"""Backups of the whole site: the database and the media, in one dated
archive (``zoliborz-2026-11-27T031500Z.tar.gz``) made by `manage.py backup`
and read back by `manage.py restore`.

The database goes in as Django's own JSON (`dumpdata`), not `pg_dump`: one
format for SQLite and PostgreSQL (a backup of one restores into the other,
which is also how a site moves to PostgreSQL), no client tools of a matching
version needed on the server, and loaded through the models, so a restore
into a newer release of the code (migrated first) works. Every row keeps its
primary key (content types and permissions included), so references stored as
bare ids (page log entries, revisions) still point at the right rows; search
index rows are left out and rebuilt after a restore. The media are every file
of the media storage, local disk or bucket alike.

Archive layout: ``manifest.json`` (when, what, counts), ``contenttypes.json``,
``database.json`` (everything else),
``media/<the file's name in the storage>``."""

import datetime
import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from wagtail.search.models import IndexEntry

FORMAT = 1
FTS_TABLE = "wagtailsearch_indexentry_fts"
PREFIX = "zoliborz"
# Rebuilt by `update_index` (search), or not worth keeping (sessions).
EXCLUDED = [
    "sessions",
    "wagtailsearch.indexentry",
]


class BackupError(Exception):
    """An archive that cannot be restored; the message says why."""


def media_names(storage=default_storage, folder=""):
    """Every file in the media storage, walked folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [str(PurePosixPath(folder, name)) if folder else name for name in files]
    for sub in folders:
        names += media_names(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def create(folder, storage=default_storage):
    """Write an archive into ``folder``; return its path and its manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    path = folder / f"{PREFIX}-{now:%Y-%m-%dT%H%M%SZ}.tar.gz"
    names = media_names(storage)
    with tempfile.TemporaryDirectory() as scratch:
        # Content types first, in a file of their own: restoring them before
        # anything else keeps their ids (signals of other rows may ask for one).
        types = Path(scratch) / "contenttypes.json"
        call_command("dumpdata", "contenttypes", output=str(types), verbosity=0)
        dump = Path(scratch) / "database.json"
        call_command(
            "dumpdata",
            exclude=[*EXCLUDED, "contenttypes"],
            output=str(dump),
            verbosity=0,
        )
        objects = len(json.loads(dump.read_text(encoding="utf-8")))
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "database_engine": connection.vendor,
            "objects": objects,
            "media_files": len(names),
        }
        partial = path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
            archive.add(types, arcname="contenttypes.json")
            archive.add(dump, arcname="database.json")
            for name in names:
                with storage.open(name, "rb") as file:
                    _add_bytes(archive, f"media/{name}", file.read())
        partial.rename(path)
    return path, manifest


def _safe_media_name(member):
    name = member.name[len("media/") :]
    parts = PurePosixPath(name).parts
    if not name or name.startswith("/") or ".." in parts:
        raise BackupError(f"unsafe file name in the archive: {member.name!r}")
    return name


def restore(path, storage=default_storage):
    """Replace the database's content and put back every media file of the
    archive at ``path``. The database part is one transaction: an archive
    that fails to load leaves the database as it was."""
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path}: not a backup archive ({error})") from None
    with archive, tempfile.TemporaryDirectory() as scratch:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
            types = Path(scratch) / "contenttypes.json"
            types.write_bytes(archive.extractfile("contenttypes.json").read())
            dump = Path(scratch) / "database.json"
            dump.write_bytes(archive.extractfile("database.json").read())
        except (KeyError, AttributeError, ValueError):
            raise BackupError(f"{path}: no manifest or database in it") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: unknown archive format {manifest!r}")
        # Every name checked before anything is changed.
        media = [
            (member, _safe_media_name(member))
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith("media/")
        ]
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # TRUNCATE refuses tables with foreign-key checks still due
                # in the transaction (a caller's own changes): run them now.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # Empty every table, content types too: the archive's own rows,
            # with their ids, come back; then Django adds the content types
            # and permissions of models newer than the backup.
            call_command(
                "flush", interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            ContentType.objects.clear_cache()
            call_command("loaddata", str(types), verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        restored = 0
        for member, name in media:
            data = archive.extractfile(member).read()
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
            restored += 1
    # What the caches hold describes the database that was replaced.
    for cache in caches.all():
        cache.clear()
    # The search index is rebuilt from the restored content (entries that
    # loading the rows may have queued are dropped first).
    IndexEntry.objects.all().delete()
    if connection.vendor == "sqlite":
        # SQLite's full-text table is kept in step by triggers that some
        # deletions bypass: empty it too, or the rebuild collides with its ids.
        with connection.cursor() as cursor:
            if FTS_TABLE in connection.introspection.table_names(cursor):
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
    call_command("update_index", verbosity=0)
    return manifest, restored
