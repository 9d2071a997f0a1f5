"""The document upload form of every admin upload view (single, multiple,
chooser), set by WAGTAILDOCS_DOCUMENT_FORM_BASE: only the formats a library
publishes (WAGTAILDOCS_EXTENSIONS), up to WAGTAILDOCS_MAX_UPLOAD_SIZE, and a
file whose content is not what its extension says is refused, each with a
message saying what to do."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"
# What each accepted format begins with; CSV and TXT are text (no NUL byte).
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "docx": [ZIP],
    "xlsx": [ZIP],
    "odt": [ZIP],
    "ods": [ZIP],
}
# OpenDocument files name their kind near the start (the "mimetype" entry).
OPENDOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
SNIFF_BYTES = 64 * 1024
FILE_TOO_LARGE = _(
    "This file is too big (%(file_size)s). Files of up to %(max_filesize)s can "
    "be added: save it smaller (e.g. scanned at a lower resolution) or split it."
)


def accepted_formats():
    return ", ".join(ext.upper() for ext in settings.WAGTAILDOCS_EXTENSIONS)


def extension_of(name):
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def content_matches(uploaded_file, extension):
    """Whether the file's first bytes are those of ``extension``'s format."""
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    try:
        uploaded_file.seek(0)
        head = uploaded_file.read(SNIFF_BYTES)
    finally:
        uploaded_file.seek(position)
    if extension in SIGNATURES:
        if not any(head.startswith(sign) for sign in SIGNATURES[extension]):
            return False
        return extension not in OPENDOCUMENT or OPENDOCUMENT[extension] in head[:200]
    return b"\x00" not in head


class CheckedDocumentField(WagtailDocumentField):
    """Wagtail's document field with the format checks and the size limit
    worded for librarians."""

    def to_python(self, data):
        checked = super().to_python(data)
        if checked is None:
            return None
        extension = extension_of(checked.name)
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(
                _(
                    "“%(name)s” cannot be added: only %(formats)s files are "
                    "accepted. Save it in one of these formats and add it again."
                )
                % {"name": checked.name, "formats": accepted_formats()},
                code="invalid_extension",
            )
        if not content_matches(checked, extension):
            raise ValidationError(
                _(
                    "“%(name)s” is not a real %(format)s file: its content does "
                    "not match its extension. Open it on your computer, save it "
                    "again as %(format)s and add it again."
                )
                % {"name": checked.name, "format": extension.upper()},
                code="content_mismatch",
            )
        return checked


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the checked file field (swapped, as
    Wagtail builds the form with its own field factory)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailDocumentField):
            field.__class__ = CheckedDocumentField
            field.error_messages["file_too_large"] = FILE_TOO_LARGE
            # Read at each upload, not once when Wagtail first builds the form.
            field.max_upload_size = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
            field.max_upload_size_text = filesizeformat(field.max_upload_size)

    def add_error(self, field, error):
        # One message per problem: after the file field refused a file,
        # Wagtail's model check of the extension would add "extension “”
        # not allowed" about the empty file left in its place.
        if field is None and "file" in self.errors:
            error_dict = getattr(error, "error_dict", None)
            if error_dict and "file" in error_dict:
                error = ValidationError(
                    {k: v for k, v in error_dict.items() if k != "file"}
                )
                if not error.error_dict:
                    return
        super().add_error(field, error)
