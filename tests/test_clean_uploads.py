"""An uploaded image is public at its address at once, so what is stored is
the image written afresh from its decoded pixels: a PNG with a script after
its image data (a polyglot) is stored without it, a phone photo without its
EXIF (GPS position, camera) and turned upright as the EXIF said. Through the
admin's single and multiple upload views, as an editor."""

import io

import pytest
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from .factories import editor, png_bytes, upload

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>alert(document.cookie)</script>"
PNG_END = b"IEND\xaeB`\x82"


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


def post_image(client, door, name, data, content_type):
    if door == "single":
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": name, "file": upload(name, data, content_type)},
        )
        assert response.status_code == 302, response.content[-2000:]
    else:
        response = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload(name, data, content_type)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.json()["success"] is True, response.json()
    return get_image_model().objects.latest("pk")


def stored_bytes(image):
    with image.file.open("rb") as file:
        return file.read()


def photo_with_gps(width=40, height=20):
    """A JPEG as a phone writes it: GPS position, camera, taken sideways
    (orientation 6: shown turned 90° clockwise)."""
    photo = PILImage.new("RGB", (width, height), (200, 30, 30))
    photo.paste((30, 30, 200), (0, 0, width // 2, height))
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 16.0, 9.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (20.0, 59.0, 1.0),
    }
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=exif, comment=b"Ulica Krasinskiego 1")
    return buffer.getvalue()


@pytest.mark.parametrize("door", ["single", "multiple"])
def test_a_png_with_a_script_after_its_data_is_stored_without_it(editor_client, door):
    original = png_bytes(60, 40)
    image = post_image(
        editor_client, door, "polyglot.png", original + SCRIPT, "image/png"
    )
    stored = stored_bytes(image)
    assert SCRIPT not in stored
    assert stored.endswith(PNG_END)
    with (
        PILImage.open(io.BytesIO(stored)) as clean,
        PILImage.open(io.BytesIO(original)) as source,
    ):
        assert clean.format == "PNG"
        assert clean.tobytes() == source.tobytes()
    # Wagtail's record describes the stored file, not the upload.
    assert image.file_size == len(stored)
    assert (image.width, image.height) == (60, 40)


@pytest.mark.parametrize("door", ["single", "multiple"])
def test_a_photo_is_stored_without_exif_and_upright(editor_client, door):
    upload_data = photo_with_gps()
    with PILImage.open(io.BytesIO(upload_data)) as source:
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    image = post_image(editor_client, door, "zdjecie.jpg", upload_data, "image/jpeg")
    stored = stored_bytes(image)
    assert b"Exif" not in stored and b"Krasinskiego" not in stored
    with PILImage.open(io.BytesIO(stored)) as clean:
        assert clean.format == "JPEG"
        assert not clean.getexif()
        assert "comment" not in clean.info
        # Turned as the EXIF said: the blue left half is now the top.
        assert clean.size == (20, 40)
        top, bottom = clean.getpixel((10, 5)), clean.getpixel((10, 35))
        assert top[2] > 150 > top[0], top
        assert bottom[0] > 150 > bottom[2], bottom
    assert (image.width, image.height) == (20, 40)


def test_png_text_and_transparency(editor_client):
    """Text chunks (author, comments) go; transparency and colours stay."""
    from PIL.PngImagePlugin import PngInfo

    source = PILImage.new("RGBA", (30, 30), (11, 93, 75, 0))
    source.paste((255, 255, 255, 255), (10, 10, 20, 20))
    info = PngInfo()
    info.add_text("Author", "Jan Kowalski, tel. 600 100 200")
    buffer = io.BytesIO()
    source.save(buffer, "PNG", pnginfo=info)
    image = post_image(
        editor_client, "single", "logo.png", buffer.getvalue(), "image/png"
    )
    stored = stored_bytes(image)
    assert b"Kowalski" not in stored
    with PILImage.open(io.BytesIO(stored)) as clean:
        assert clean.mode == "RGBA"
        assert clean.tobytes() == source.tobytes()


def test_an_animation_keeps_its_frames_and_a_webp_loses_its_exif():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import ImageSequence

    from site_settings.editorial.images import reencoded

    frames = [PILImage.new("RGB", (20, 20), c) for c in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=b"Jan Kowalski",
    )
    gif = reencoded(SimpleUploadedFile("a.gif", buffer.getvalue(), "image/gif"))
    with PILImage.open(gif) as clean:
        durations = [f.info["duration"] for f in ImageSequence.Iterator(clean)]
        assert durations == [100, 200, 300]
        assert "comment" not in clean.info

    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Telefon"
    buffer = io.BytesIO()
    PILImage.new("RGBA", (20, 20), (1, 2, 3, 100)).save(buffer, "WEBP", exif=exif)
    webp = reencoded(SimpleUploadedFile("a.webp", buffer.getvalue(), "image/webp"))
    assert b"Telefon" not in webp.read()
