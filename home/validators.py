"""Validators shared by models of every app."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{6,25}$",
    _("Enter a phone number with digits, spaces and an optional leading +."),
)


# Sign-language recordings and their captions: size, extension and content.
VIDEO_EXTENSIONS = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTIONS_EXTENSIONS = {"vtt": "text/vtt"}


def _extension(upload):
    name = getattr(upload, "name", "") or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(upload, size=64):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _check_size(upload, setting, default):
    limit = getattr(settings, setting, default)
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest allowed is %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )


def video_kind(head):
    """ "mp4" or "webm" when the first bytes are those of that container."""
    if head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head:
        return "webm"
    return None


@deconstructible
class VideoFileValidator:
    """An MP4 or WebM video: the extension and the file's own first bytes
    must agree, and it must fit the size limit (``SIGN_LANGUAGE_VIDEO_MAX_BYTES``)."""

    def __call__(self, upload):
        _check_size(upload, "SIGN_LANGUAGE_VIDEO_MAX_BYTES", 300 * 1024 * 1024)
        extension = _extension(upload)
        if extension not in VIDEO_EXTENSIONS:
            raise ValidationError(
                _("Choose a video file in MP4 or WebM format (.mp4, .webm)."),
                code="video_extension",
            )
        if video_kind(_head(upload)) != extension:
            raise ValidationError(
                _(
                    "This file is not an MP4 or WebM video, whatever its name says. "
                    "Export the recording again as MP4 (H.264) or WebM."
                ),
                code="video_content",
            )

    def __eq__(self, other):
        return isinstance(other, VideoFileValidator)


@deconstructible
class CaptionsFileValidator:
    """WebVTT captions: a .vtt file in UTF-8 that starts with "WEBVTT", within
    ``SIGN_LANGUAGE_CAPTIONS_MAX_BYTES``."""

    def __call__(self, upload):
        _check_size(upload, "SIGN_LANGUAGE_CAPTIONS_MAX_BYTES", 1024 * 1024)
        if _extension(upload) not in CAPTIONS_EXTENSIONS:
            raise ValidationError(
                _("Choose a captions file in WebVTT format (.vtt)."),
                code="captions_extension",
            )
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = ""
        if not re.match(r"WEBVTT(?:[ \t\r\n]|$)", text):
            raise ValidationError(
                _(
                    "This is not a WebVTT captions file: its first line must be "
                    "“WEBVTT” and it must be saved in UTF-8."
                ),
                code="captions_content",
            )

    def __eq__(self, other):
        return isinstance(other, CaptionsFileValidator)
