"""Test settings: fast hashing, in-memory media, no DEBUG."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="zoliborz-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# No cache: query-count tests must see every query a cold page makes (a rendition
# cache would hide a rendition prefetch that does not match).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# --- Page cache (home/cache.py) ---------------------------------------------
# In local memory, and off: tests/test_page_cache.py turns it on.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
CACHE_MIDDLEWARE_SECONDS = 0
# --- End of the page cache ----------------------------------------------------
