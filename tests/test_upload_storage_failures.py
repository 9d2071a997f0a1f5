"""A media storage that fails during an upload: read-only media, a full disk
(a file size limit, so the kernel cuts the write short as a full disk does)
and an unreachable S3 endpoint. The librarian gets a 503 page naming the
problem in Polish, no image or document row is saved and no file, whole or
partial, is left behind. Through the admin's upload views, as an editor."""

import io
import os
import pwd
import resource
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import get_resolver, reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from site_settings.operations.storage import FULL_MESSAGE, UNAVAILABLE_MESSAGE

from .factories import editor, in_polish, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


def big_png():
    """About 180 kB of noise: more than the size limit below."""
    image = PILImage.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


@contextmanager
def read_only_media():
    """MEDIA_ROOT read-only for this process (as user ``nobody`` when the
    tests run as root, who may write anywhere)."""
    root = Path(settings.MEDIA_ROOT)
    mode = root.stat().st_mode
    root.chmod(0o555)
    as_root = os.geteuid() == 0
    # Nobody may not read root's Python: load what a request imports lazily
    # (every URL's views, the request log's codec) while still root.
    get_resolver().url_patterns  # noqa: B018 - imports every app's views
    "/".encode("unicode_escape")
    try:
        if as_root:
            os.seteuid(pwd.getpwnam("nobody").pw_uid)
        yield
    finally:
        if as_root:
            os.seteuid(0)
        root.chmod(mode)


@contextmanager
def disk_full_after(size):
    """Writes past ``size`` bytes of a file fail (EFBIG), as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def add_image(client, data):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Plakat", "file": upload("plakat.png", data)},
    )


def assert_refused(response, message, before):
    assert response.status_code == 503
    assert in_polish(message) in response.content.decode()
    assert not get_image_model().objects.filter(title="Plakat").exists()
    assert media_files() == before


def test_read_only_media(editor_client):
    before = media_files()
    with read_only_media():
        response = add_image(editor_client, big_png())
    assert_refused(response, UNAVAILABLE_MESSAGE, before)
    assert "Spróbuj ponownie za kilka minut" in response.content.decode()


def test_a_document_upload_to_read_only_media(editor_client):
    before = media_files()
    with read_only_media():
        response = editor_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Regulamin",
                "file": upload(
                    "regulamin.pdf", b"%PDF-1.4 regulamin", "application/pdf"
                ),
            },
        )
    assert response.status_code == 503
    assert in_polish(UNAVAILABLE_MESSAGE) in response.content.decode()
    assert not get_document_model().objects.filter(title="Regulamin").exists()
    assert media_files() == before


def test_full_disk_leaves_no_partial_file(editor_client):
    before = media_files()
    with disk_full_after(64 * 1024):
        response = add_image(editor_client, big_png())
    assert_refused(response, FULL_MESSAGE, before)
    # What was typed is one click away: the form's address.
    assert reverse("wagtailimages:add") in response.content.decode()


def test_full_disk_through_the_multiple_uploader(editor_client):
    before = media_files()
    with disk_full_after(64 * 1024):
        response = editor_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload("plakat.png", big_png())},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    assert response.status_code == 503
    with translation.override("pl"):
        expected = str(FULL_MESSAGE)
    assert response.json() == {"success": False, "error_message": expected}
    assert media_files() == before
    assert not get_image_model().objects.filter(title="plakat.png").exists()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.stack
def test_unreachable_bucket(editor_client):
    bucket = {
        "BACKEND": "site_settings.operations.storage.BucketMediaStorage",
        "OPTIONS": {
            "bucket_name": "media",
            "endpoint_url": f"http://127.0.0.1:{closed_port()}",
            "access_key": "nobody",
            "secret_key": "nothing",
            "region_name": "us-east-1",
            "file_overwrite": False,
        },
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": bucket}):
        response = add_image(editor_client, big_png())
    assert response.status_code == 503
    assert in_polish(UNAVAILABLE_MESSAGE) in response.content.decode()
    assert not get_image_model().objects.filter(title="Plakat").exists()
