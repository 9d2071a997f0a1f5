"""Test settings: fast hashing, in-memory e-mail, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# TEST_MEDIA_ROOT: processes a test starts share one media folder.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="zoliborz-test-media-"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Caches as in production, except renditions: query-count tests must see a
# rendition prefetch that does not match. tests/conftest.py clears them.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Whole-page caching off: tests/test_page_cache.py turns it on.
CACHE_MIDDLEWARE_SECONDS = 0
