"""`manage.py backup`: the database (Django's JSON, `dumpdata`) and every media
file in one dated archive, ``zoliborz-<UTC time>.tar.gz``, holding
``manifest.json``, ``contenttypes.json``, ``database.json`` and
``media/<name in the storage>``. Every row is read from one moment of the
database; the archive is checked (``operations/archive_check.py``) before it
gets its final name. Read back by ``operations/restore.py``."""

import datetime
import io
import json
import sqlite3
import tarfile
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from .archive_check import EXCLUDED, FORMAT, BackupError, check_archive
from .storage import StorageFailure

__all__ = ["BackupError", "FORMAT", "create", "media_names"]

PREFIX = "zoliborz"
SNAPSHOT_ALIAS = "backup_snapshot"


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


@contextmanager
def snapshot(scratch):
    """The alias of a connection that reads the database as it was at one
    moment, however many librarians save meanwhile.

    SQLite: a copy made by SQLite's online backup API (one step, so one
    moment), read through a connection of its own. PostgreSQL: one
    ``REPEATABLE READ READ ONLY`` transaction. Inside a caller's transaction
    (tests) that transaction is read as it stands: SQLite cannot copy a
    database its own connection is writing to."""
    if connection.in_atomic_block:
        yield DEFAULT_DB_ALIAS
    elif connection.vendor == "sqlite":
        copy = Path(scratch) / "snapshot.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(copy)) as target:
            connection.connection.backup(target)
        reader = connection.copy(SNAPSHOT_ALIAS)
        reader.settings_dict["NAME"] = str(copy)
        connections[SNAPSHOT_ALIAS] = reader
        try:
            yield SNAPSHOT_ALIAS
        finally:
            reader.close()
            del connections[SNAPSHOT_ALIAS]
    else:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            # The snapshot is fixed by the transaction's first query.
            cursor.execute("SELECT 1")
            yield DEFAULT_DB_ALIAS


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def _read_media(storage, names):
    """(name, bytes) of each listed file still there: one deleted since the
    listing is no longer named by the snapshot's rows, or the check says so."""
    for name in names:
        try:
            with storage.open(name, "rb") as file:
                yield name, file.read()
        except FileNotFoundError:
            continue


def create(folder, storage=default_storage):
    """Write a checked archive into ``folder``; return its path and manifest.
    BackupError, and no archive, when writing or the check fails."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    path = folder / f"{PREFIX}-{now:%Y-%m-%dT%H%M%SZ}.tar.gz"
    partial = path.with_suffix(".partial")
    with tempfile.TemporaryDirectory() as scratch:
        types = Path(scratch) / "contenttypes.json"
        dump = Path(scratch) / "database.json"
        with snapshot(scratch) as using:
            # Listed once the moment is fixed: a file is stored before the
            # row that names it commits, so every file a row names is listed.
            names = media_names(storage)
            # Content types first, in a file of their own: restoring them
            # before anything else keeps their ids (signals of other rows may
            # ask for one).
            call_command(
                "dumpdata",
                "contenttypes",
                database=using,
                output=str(types),
                verbosity=0,
            )
            call_command(
                "dumpdata",
                exclude=[*EXCLUDED, "contenttypes"],
                database=using,
                output=str(dump),
                verbosity=0,
            )
        objects = len(json.loads(dump.read_text(encoding="utf-8")))
        try:
            manifest = {
                "format": FORMAT,
                "created": now.isoformat(),
                "database_engine": connection.vendor,
                "objects": objects,
            }
            _write(partial, manifest, types, dump, _read_media(storage, names))
            check_archive(partial)
        except (BackupError, StorageFailure, OSError, tarfile.TarError) as error:
            partial.unlink(missing_ok=True)
            raise BackupError(f"no archive was written: {error}") from None
    partial.rename(path)
    return path, manifest


def _write(partial, manifest, types, dump, media):
    """The archive at ``partial``: the dumps, the ``media`` ((name, bytes)
    pairs) and ``manifest``, to which the count of media files is added."""
    with tarfile.open(partial, "w:gz") as archive:
        archive.add(types, arcname="contenttypes.json")
        archive.add(dump, arcname="database.json")
        manifest["media_files"] = 0
        for name, data in media:
            _add_bytes(archive, f"media/{name}", data)
            manifest["media_files"] += 1
        _add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
