"""Test settings: fast hashing, in-memory e-mail, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="zoliborz-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# No cache: query-count tests must see every query a cold page makes (a rendition
# cache would hide a rendition prefetch that does not match).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Whole-page caching off: tests/test_page_cache.py turns it on.
CACHE_MIDDLEWARE_SECONDS = 0
