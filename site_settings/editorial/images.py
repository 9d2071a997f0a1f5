"""The image upload form of every admin upload view (single, multiple, chooser),
set by WAGTAILIMAGES_IMAGE_FORM_BASE: it decodes the whole image before saving
and refuses a truncated or damaged file with a message, where Wagtail, which
reads only the header, would answer 500 when making the thumbnail."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete, so it cannot be shown. Open it "
    "on your computer, save it again as JPG, PNG or WebP and upload it again."
)


def check_image_decodes(uploaded_file):
    """Decode every pixel of ``uploaded_file`` (all frames of an animation),
    raising ValidationError when the data is truncated or corrupt."""
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    try:
        uploaded_file.seek(0)
        with PILImage.open(uploaded_file) as image:
            frames = getattr(image, "n_frames", 1)
            for frame in range(frames):
                image.seek(frame)
                image.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None
    finally:
        uploaded_file.seek(position)


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
    """Wagtail's image field, turning a decoding crash into a form error, and
    refusing an image with too many pixels before anything decodes it:
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
        if checked is not None:
            check_image_decodes(checked)
        return checked


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
