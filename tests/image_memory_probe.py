"""Run as a script by tests/test_security_images.py, in a fresh process so
its peak memory is its own: checks an upload the way the admin's image form
does and, when it is accepted, makes the renditions the site uses. Prints
"accepted|refused <MB before> <MB peak>"."""

import io
import resource
import sys

import django


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(path):
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage
    from wagtail.images.models import Filter, Image

    from site_settings.editorial.images import CheckedImageField

    with open(path, "rb") as source:
        data = source.read()
    with PILImage.open(io.BytesIO(data)) as header:
        width, height = header.size
    before = peak_mb()
    upload = SimpleUploadedFile("duzy.png", data, "image/png")
    try:
        CheckedImageField().clean(upload)
    except ValidationError:
        print("refused", before, peak_mb())
        return
    upload.seek(0)
    name = default_storage.save("original_images/duzy.png", upload)
    image = Image(title="x", file=name, width=width, height=height, collection_id=1)
    for spec in ["format-webp|max-240x160", "format-png|max-240x160", "width-800"]:
        Filter(spec=spec).run(image, io.BytesIO())
    print("accepted", before, peak_mb())


if __name__ == "__main__":
    main(sys.argv[1])
