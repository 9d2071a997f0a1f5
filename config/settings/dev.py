"""Local development: DEBUG on, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
