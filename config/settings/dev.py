"""Local development: DEBUG on, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` serves on 127.0.0.1:$PORT; links in e-mails and the Site record
# (manage.py set_site_address) use the same address.
WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{env.int('PORT', default=8000)}"
# Uploaded files; a test of `make run` keeps its own.
MEDIA_ROOT = env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media"))
