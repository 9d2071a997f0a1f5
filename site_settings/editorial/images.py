"""The image upload form of every admin upload view (single, multiple, chooser),
set by WAGTAILIMAGES_IMAGE_FORM_BASE: it decodes the whole image before saving
and refuses a truncated or damaged file with a message, where Wagtail, which
reads only the header, would answer 500 when making the thumbnail. What is
stored is the image written afresh from its decoded pixels: an upload is
public at its address at once, so nothing appended after the image data (a
script) and none of its metadata (a phone photo's GPS position) is kept."""

import io

import willow
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete, so it cannot be shown. Open it "
    "on your computer, save it again as JPG, PNG or WebP and upload it again."
)


EXIF_ORIENTATION = 0x0112


def _clean_options(image):
    """Pillow's save options that write ``image`` in its own format with
    nothing but its pixels, colour profile, transparency and animation."""
    options = {"format": image.format}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if getattr(image, "n_frames", 1) > 1:
        options["save_all"] = True
    if image.format == "JPEG":
        # Pillow copies a JPEG's comment unless told otherwise.
        options.update(comment=b"", quality="keep", subsampling="keep")
    elif image.format == "MPO":  # a phone's JPEG with extra pictures
        options.update(comment=b"", quality=90)
    elif image.format == "GIF":
        options["comment"] = b""
    elif image.format == "WEBP":
        options["quality"] = 90
    return options


def reencoded(uploaded_file):
    """``uploaded_file`` written afresh from its decoded pixels (every frame
    of an animation), in its own format: no data after the image, no EXIF,
    text chunks or comments; a photo turned upright as its EXIF said.
    ValidationError when the data is truncated or corrupt."""
    output = io.BytesIO()
    try:
        uploaded_file.seek(0)
        with PILImage.open(uploaded_file) as image:
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()
            image.seek(0)
            options = _clean_options(image)
            if image.getexif().get(EXIF_ORIENTATION, 1) != 1:
                # Upright once the EXIF that turned it is gone.
                image = ImageOps.exif_transpose(image)
                if options.get("quality") == "keep":
                    options.update(quality=90)
                    del options["subsampling"]
            image.save(output, **options)
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None
    finally:
        uploaded_file.seek(0)
    clean = SimpleUploadedFile(
        uploaded_file.name, output.getvalue(), uploaded_file.content_type
    )
    # Wagtail's checks and views read the decoded image from the field's value.
    clean.image = willow.Image.open(io.BytesIO(clean.read()))
    clean.seek(0)
    return clean


def pixel_count_from_header(uploaded_file):
    """Width × height read from the file's header alone (nothing decoded), or
    None when Pillow cannot read the header (Wagtail's checks say why)."""
    if uploaded_file is None or not hasattr(uploaded_file, "seek"):
        return None
    position = uploaded_file.tell()
    try:
        uploaded_file.seek(0)
        with PILImage.open(uploaded_file) as image:
            width, height = image.size
    except Exception:  # noqa: BLE001 - not an image Pillow knows: Wagtail decides
        return None
    finally:
        uploaded_file.seek(position)
    return width * height


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, turning a decoding crash into a form error,
    giving the image written afresh (``reencoded``), and refusing an image
    with too many pixels before anything decodes it:
    Wagtail's own check runs after Willow has decoded the whole image, so a
    small PNG of 6320×6320 took a worker to ~490 MB just to be refused."""

    def to_python(self, data):
        pixels = pixel_count_from_header(data)
        if self.max_image_pixels and pixels and pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        try:
            checked = super().to_python(data)
        except (OSError, SyntaxError, ValueError, EOFError):
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None
        return reencoded(checked) if checked is not None else None


class ImageForm(BaseImageForm):
    """Wagtail's image form with a file field that decodes the whole image.

    Wagtail builds the form with its own field factory, so the file field is
    swapped here rather than declared (a declared field would also survive the
    multiple-upload edit form, which leaves the file out)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            field.__class__ = CheckedImageField
