"""`manage.py restore`: check an archive written by ``operations/backup.py``,
replace the database's content and the media with it, then clear the caches
and rebuild the search index. The database part is one transaction."""

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

from .archive_check import FORMAT, BackupError, check_archive

FTS_TABLE = "wagtailsearch_indexentry_fts"


def _safe_media_name(member):
    name = member.name[len("media/") :]
    parts = PurePosixPath(name).parts
    if not name or name.startswith("/") or ".." in parts:
        raise BackupError(f"unsafe file name in the archive: {member.name!r}")
    return name


def restore(path, storage=default_storage):
    """Replace the database's content and put back every media file of the
    archive at ``path``. The database part is one transaction: an archive
    that fails to load leaves the database as it was, and an archive whose
    references do not resolve is refused before anything changes."""
    check_archive(path)
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
