"""Settings shared by every environment (dev, test, production)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "cooperation",
    "site_settings",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # issue-10b: its Polish catalog ("19 sekund temu"); Wagtail's admin uses
    # its naturaltime filter.
    "django.contrib.humanize",
    # Security hardening (issue 12): login throttling.
    "axes",
]

MIDDLEWARE = [
    # Security hardening (issue 12): headers on every response, even one a
    # later middleware answers; unstorable paths are 404 before any query.
    "home.security.SecurityHeadersMiddleware",
    "home.security.PathCSPMiddleware",
    "home.security.UnstorablePathMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Security hardening (issue 12): malformed admin input answers 400;
    # django-axes last, as its documentation requires.
    "site_settings.admin_extras.bad_input.AdminBadInputMiddleware",
    "axes.middleware.AxesMiddleware",
    # Performance (issue 14): a Wagtail page and its chrome in one query.
    "home.chrome.PageRouteMiddleware",
]

# --- Page cache (home/cache.py) ---------------------------------------------
# Whole responses for anonymous visitors in the "pages" cache alias, cleared
# by any change a public page shows. Update first (it keeps the response with
# every header, gzipped, with its ETag), Fetch last (after authentication).
# GZip and ConditionalGet sit after WhiteNoise, ConditionalGet inside GZip.
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
}
MIDDLEWARE = [
    "home.cache.UpdateCacheMiddleware",
    *MIDDLEWARE,
    "home.cache.FetchFromCacheMiddleware",
]
_after_whitenoise = MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
MIDDLEWARE[_after_whitenoise:_after_whitenoise] = [
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
]
# --- End of the page cache ----------------------------------------------------

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite in the checkout unless DATABASE_URL says otherwise (PostgreSQL works too).
DATABASES = {
    "default": env.database(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
# issue-10a: several librarians write at once. On the embedded SQLite default:
# WAL (readers never wait for a writer), transactions that take the write lock
# when they begin (IMMEDIATE: no "database is locked" when a read turns into a
# write half-way) and a writer waits up to 20 s for the lock instead of
# failing. PostgreSQL URLs (DATABASE_URL) are left as dj_database_url makes them.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
# issue-10a: every admin write (save, submit, publish, sync) is one
# transaction, and no user publishes without the right to (see
# site_settings/admin_extras/publishing.py). Innermost, so it wraps the view.
MIDDLEWARE += ["site_settings.admin_extras.publishing.AdminWriteMiddleware"]
# issue-10a: autosave is off (see site_settings/admin_extras/concurrency.py).
WAGTAIL_AUTOSAVE_INTERVAL = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Polish is the default and lives at unprefixed URLs; English is
# under /en/. The first Locale row is created from LANGUAGE_CODE by the first
# migration, so it must be "pl" before anything is migrated.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# issue-10b: the admin names content languages in the librarian's language
# ("angielski", not "English"); LANGUAGES keeps the endonyms for visitors.
WAGTAIL_CONTENT_LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True


def machine_translator(environ):
    """DeepL in the translation editor when DEEPL_API_KEY is set; none (the
    default) otherwise. A machine translation only fills in the editor: a
    librarian still reads it and publishes the page."""
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    return {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": key, "TIMEOUT": 30},
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)
# "Translate this page" creates the translation as a draft, even when the
# original is live: a person reads it before it is published. (The default
# would publish it at once, with untranslated Polish in it.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Public Library of the Żoliborz District of Warsaw")
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# issue-10b: the sign-in form with Polish labels and placeholders.
WAGTAILADMIN_USER_LOGIN_FORM = "site_settings.admin_extras.forms.LoginForm"
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from gravatar.com: they would send a hash of each editor's e-mail
# to a third party on every admin page. Editors can upload an avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000

# Session and CSRF cookies only for people who log in: public pages set none.
SESSION_COOKIE_HTTPONLY = True
CSRF_USE_SESSIONS = False
# Refuses damaged or truncated image files with a message instead of a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_settings.admin_extras.images.ImageForm"
# No Gravatar: the admin would send each librarian's e-mail hash to a third
# party (and show a broken image offline); Wagtail's default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security hardening (issue 12): CSP, headers, login throttling, sessions,
# image limits. HTTPS and HSTS are production's (production.py).
from .security import *  # noqa: E402, F403
