"""What makes a backup archive restorable, checked without touching the
site: its manifest and format, and that every reference inside it resolves
(each foreign key and many-to-many id names a row the archive holds, each
file field a file under ``media/``). `manage.py backup` runs it before
calling an archive done, `backup --check` on an existing one, `restore`
before it changes anything."""

import json
import tarfile
from collections import defaultdict

from django.apps import apps
from django.db import models

FORMAT = 1
# Rebuilt by `update_index` (search), or not worth keeping (sessions).
EXCLUDED = [
    "sessions",
    "wagtailsearch.indexentry",
]
# How many broken references a message names.
SHOWN = 5


class BackupError(Exception):
    """An archive that cannot be restored; the message says why."""


def _excluded(model):
    meta = model._meta
    return meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED


def read_archive(path):
    """(manifest, rows, media names) of the archive at ``path``, rows being
    the content types' and the database's objects in Django's JSON."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
            rows = json.load(archive.extractfile("contenttypes.json"))
            rows += json.load(archive.extractfile("database.json"))
            media = {
                member.name[len("media/") :]
                for member in archive.getmembers()
                if member.isfile() and member.name.startswith("media/")
            }
    except (OSError, EOFError, tarfile.TarError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: not a backup archive ({error})") from None
    except (KeyError, AttributeError, ValueError):
        raise BackupError(f"{path}: no manifest or database in it") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: unknown archive format {manifest!r}")
    return manifest, rows, media


def _checked(field):
    """A reference the database enforces, to a model the archive holds: a
    reference without a constraint (Wagtail's log entries keep the id of a
    deleted page) may name a row that is gone."""
    return getattr(field, "db_constraint", True) and not _excluded(field.related_model)


class _Rows:
    """The archive's rows, findable by model and by the value of a field."""

    def __init__(self, rows):
        self.rows = defaultdict(list)
        for row in rows:
            self.rows[row["model"]].append(row)
        self.indexes = {}

    def has(self, model, field, value):
        model = model._meta.concrete_model
        key = (model._meta.label_lower, field.name)
        if key not in self.indexes:
            rows = self.rows[key[0]]
            if field.primary_key:
                self.indexes[key] = {str(row["pk"]) for row in rows}
            else:
                self.indexes[key] = {str(row["fields"].get(field.name)) for row in rows}
        return str(value) in self.indexes[key]


def broken_references(rows, media):
    """Sentences naming each reference in ``rows`` that the archive cannot
    satisfy: a row or a media file it lacks."""
    index = _Rows(rows)
    broken = []
    for row in rows:
        try:
            model = apps.get_model(row["model"])
        except (LookupError, ValueError):
            broken.append(f"{row['model']} is not a model of this site")
            continue
        where = f"{row['model']} {row['pk']}"
        parent = model._meta.pk.remote_field
        parent = parent.model if parent and not _excluded(parent.model) else None
        if parent and not index.has(parent, parent._meta.pk, row["pk"]):
            broken.append(f"{where}: its {parent._meta.label} row is missing")
        for field in model._meta.local_fields + model._meta.local_many_to_many:
            value = row["fields"].get(field.name)
            if value in (None, "") or field.primary_key:
                continue
            if isinstance(field, models.FileField):
                if value not in media:
                    broken.append(f"{where}: file {value} is missing")
            elif field.is_relation and _checked(field):
                target = (
                    field.target_field
                    if field.many_to_one or field.one_to_one
                    else None
                )
                target = target or field.related_model._meta.pk
                values = value if field.many_to_many else [value]
                for missing in (
                    v for v in values if not index.has(field.related_model, target, v)
                ):
                    broken.append(
                        f"{where}: {field.name} = {missing}, a "
                        f"{field.related_model._meta.label} row that is missing"
                    )
    return broken


def check_archive(path):
    """The manifest of the archive at ``path`` once it is found restorable;
    BackupError naming what is wrong otherwise."""
    manifest, rows, media = read_archive(path)
    broken = broken_references(rows, media)
    if broken:
        shown = "; ".join(broken[:SHOWN])
        more = f" (and {len(broken) - SHOWN} more)" if len(broken) > SHOWN else ""
        raise BackupError(
            f"{path}: {len(broken)} broken references, it would not restore: "
            f"{shown}{more}"
        )
    return manifest
