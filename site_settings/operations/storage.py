"""Media storage that fails in words. The site's storages (local folder,
S3 bucket) turn a failed write or read into ``StorageFull`` or
``StorageUnavailable`` and leave no partly written file; during a write
request ``StorageFailureMiddleware`` remembers every file saved, removes them
when the request fails (its rows are rolled back), and answers a storage
failure with a 503 and a message for the librarian instead of the 500 page."""

import contextvars
import errno
import logging

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import FileSystemStorage
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError, Boto3Error)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

FULL_MESSAGE = _(
    "The file was not saved: the storage for images and documents is full. "
    "Nothing was changed. Please tell the site's administrator."
)
UNAVAILABLE_MESSAGE = _(
    "The file was not saved: the storage for images and documents cannot be "
    "reached right now. Nothing was changed. Try again in a few minutes; if "
    "it happens again, please tell the site's administrator."
)

# Names saved by the current write request, or None outside one.
saved_in_request = contextvars.ContextVar("saved_in_request", default=None)


class StorageFailure(OSError):
    """The media storage refused a write or a read; ``message`` says it to a
    librarian. An OSError still, for code that handles one (Wagtail shows a
    missing rendition instead of failing the page)."""

    message = UNAVAILABLE_MESSAGE


class StorageFull(StorageFailure):
    message = FULL_MESSAGE


class StorageUnavailable(StorageFailure):
    pass


def failure(error):
    """The StorageFailure that ``error`` (OSError, boto) amounts to."""
    full = isinstance(error, OSError) and error.errno in FULL_ERRNOS
    kind = StorageFull if full else StorageUnavailable
    return kind(f"{type(error).__name__}: {error}")


class FailsInWords:
    """Storage mixin: save and open raise StorageFailure; a save that fails
    removes what it wrote, a save that succeeds is remembered by the request."""

    def save(self, name, content, max_length=None):
        available = None
        try:
            available = self.get_available_name(name, max_length=max_length)
            saved = super().save(available, content, max_length=max_length)
        except StorageFailure:
            raise
        except STORAGE_ERRORS as error:
            if available is not None:
                self.remove_quietly(available)
            raise failure(error) from error
        names = saved_in_request.get()
        if names is not None:
            names.append((self, saved))
        return saved

    def open(self, name, mode="rb"):
        try:
            return super().open(name, mode)
        except FileNotFoundError:
            raise
        except STORAGE_ERRORS as error:
            raise failure(error) from error

    def remove_quietly(self, name):
        """Delete ``name`` if it is there; a storage that fails again is
        only logged."""
        try:
            if self.exists(name):
                self.delete(name)
        except STORAGE_ERRORS:
            logger.warning("Could not remove %s from the media storage", name)


class LocalMediaStorage(FailsInWords, FileSystemStorage):
    """Media in MEDIA_ROOT."""


class BucketMediaStorage(FailsInWords, S3Storage):
    """Media in an S3-compatible bucket."""


class StorageFailureMiddleware:
    """A write request's saved files are removed when it fails; a storage
    failure is answered with 503 and the librarian's message (JSON for the
    admin's upload scripts)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in WRITE_METHODS:
            return self.get_response(request)
        names = []
        token = saved_in_request.set(names)
        try:
            response = self.get_response(request)
        finally:
            saved_in_request.reset(token)
        if response.status_code >= 500:
            # The request's rows are rolled back: its files go too.
            for storage, name in names:
                storage.remove_quietly(name)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageFailure):
            return None
        logger.error("Media storage failure on %s: %s", request.path, exception)
        message = exception.message
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse(
                {"success": False, "error_message": str(message)}, status=503
            )
        return render(
            request,
            "site_settings/storage_failure.html",
            {"message": message, "back": request.path},
            status=503,
        )
