"""`manage.py backup`: the database (Django's JSON, `dumpdata`) and every media
file in one dated archive, ``zoliborz-<UTC time>.tar.gz``, holding
``manifest.json``, ``contenttypes.json``, ``database.json`` and
``media/<name in the storage>``. Read back by ``operations/restore.py``."""

import datetime
import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

FORMAT = 1
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
