"""The backup drill: build a site, back up, wipe the database and the media, restore,
and every page, image, rendition, revision and row is back as it was.

Runs on whichever database the suite runs on (SQLite, and PostgreSQL in CI),
with the test settings' media folder."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cooperation.models import PartnershipStreet
from site_settings.operations import backup


def checksum(name):
    with default_storage.open(name, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def snapshot():
    """What a librarian would miss: every page (title, place, state), every
    image with its file's bytes, every revision's content, the rows' order."""
    images = get_image_model().objects.order_by("pk")
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "pk", "title", "url_path", "live", "locale__language_code"
            )
        ),
        "images": [(i.pk, i.title, i.file.name, checksum(i.file.name)) for i in images],
        "renditions": sorted(
            (r.file.name, checksum(r.file.name))
            for image in images
            for r in image.renditions.all()
        ),
        # Django's JSON keeps times to the millisecond.
        "revisions": [
            (
                pk,
                object_id,
                content,
                created.replace(microsecond=created.microsecond // 1000 * 1000),
            )
            for pk, object_id, content, created in Revision.objects.order_by(
                "pk"
            ).values_list("pk", "object_id", "content", "created_at")
        ],
        "streets": list(
            PartnershipStreet.objects.order_by("page_id", "sort_order").values_list(
                "page_id", "sort_order", "name"
            )
        ),
    }


def wipe():
    if connection.vendor == "postgresql":
        # The site's foreign-key checks, deferred in the test's transaction,
        # would make TRUNCATE refuse.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    for name in backup.media_names():
        default_storage.delete(name)


def test_backup_wipe_restore_brings_everything_back(client, site_tree, tmp_path):
    # Renditions as the public pages make them.
    assert client.get("/wspolpraca/partnerstwa-lokalne/").status_code == 200
    before = snapshot()
    assert before["images"] and before["renditions"] and before["revisions"]

    call_command("backup", output=str(tmp_path), stdout=None)
    (archive,) = tmp_path.glob("zoliborz-*.tar.gz")
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert {"manifest.json", "contenttypes.json", "database.json"} <= set(names)
    assert f"media/{before['images'][0][2]}" in names

    wipe()
    assert not Page.objects.exists() and not backup.media_names()

    call_command("restore", str(archive), interactive=False, stdout=None)

    assert snapshot() == before
    for path in ["/", "/wspolpraca/", "/wspolpraca/partnerstwa-lokalne/"]:
        assert client.get(path).status_code == 200, path


def test_a_damaged_archive_is_refused_and_changes_nothing(site_tree, tmp_path):
    pages = Page.objects.count()
    damaged = tmp_path / "zoliborz-damaged.tar.gz"
    damaged.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a backup archive"):
        call_command("restore", str(damaged), interactive=False)

    unsafe = tmp_path / "zoliborz-unsafe.tar.gz"
    call_command("backup", output=str(tmp_path / "good"), stdout=None)
    (good,) = (tmp_path / "good").glob("*.tar.gz")
    with tarfile.open(good) as source, tarfile.open(unsafe, "w:gz") as target:
        for member in source:
            target.addfile(member, source.extractfile(member))
        member = tarfile.TarInfo("media/../../outside.txt")
        target.addfile(member)
    with pytest.raises(CommandError, match="unsafe file name"):
        call_command("restore", str(unsafe), interactive=False)
    assert Page.objects.count() == pages


def test_an_archive_with_a_dangling_reference_is_refused(site_tree, tmp_path):
    """What a backup read table by table during a save looked like: a page
    naming a revision the archive lacks. `backup --check` says so and exits
    non-zero; `restore` refuses it before changing anything."""
    call_command("backup", output=str(tmp_path / "good"), stdout=None)
    (good,) = (tmp_path / "good").glob("*.tar.gz")
    call_command("backup", check=str(good), stdout=None)

    broken = tmp_path / "zoliborz-broken.tar.gz"
    with tarfile.open(good) as source, tarfile.open(broken, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "database.json":
                rows = json.loads(data)
                page = next(r for r in rows if r["model"] == "wagtailcore.page")
                page["fields"]["latest_revision"] = 987654
                data = json.dumps(rows).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match=r"latest_revision = 987654"):
        call_command("backup", check=str(broken), stdout=None)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="broken references"):
        call_command("restore", str(broken), interactive=False)
    assert Page.objects.count() == pages
