"""Settings shared by every environment (dev, test, production).

The environment is read with django-environ (`env`); production.py reads the
variables a deployment must set."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

env = environ.Env()

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "cooperation",
    "news",
    "events",
    "site_settings",
    "participation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    # Its Polish catalog ("19 sekund temu") for the admin's naturaltime filter.
    "django.contrib.humanize",
    "axes",  # login throttling
]

MIDDLEWARE = [
    # First: keeps whole responses of public pages, with every header below.
    "home.cache.UpdateCacheMiddleware",
    # Headers on every response, even one a later middleware answers.
    "home.security.SecurityHeadersMiddleware",
    "home.security.PathCSPMiddleware",  # stricter policy outside the admin
    # A path no database can store is a 404 before any query.
    "home.security.UnstorablePathMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An anonymous GET or HEAD answered from the page cache skips the rest.
    "home.cache.FetchFromCacheMiddleware",
    # ConditionalGet inside GZip, so the ETag is of the content.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Malformed admin input answers 400 instead of 500.
    "site_settings.editorial.bad_input.AdminBadInputMiddleware",
    "axes.middleware.AxesMiddleware",
    # Each admin write is one transaction; nobody publishes without the right.
    "site_settings.editorial.publishing.AdminWriteMiddleware",
    # An approval from the dashboard's menu says what happened.
    "site_settings.editorial.review.WorkflowActionMessageMiddleware",
    # A media storage failure: 503 with a message, no file of the request kept.
    "site_settings.operations.storage.StorageFailureMiddleware",
]

# Caches ----------------------------------------------------------------------
# Whole responses for anonymous visitors (home/cache.py) in the "pages" alias,
# with the fragments every page repeats (header, menu, footer); any change a
# public page shows clears the alias. 0 seconds switches the page cache off.
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=600)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
}

# Varnish instances in front (production: DJANGO_VARNISH_URLS), sent a BAN on
# every change so they forget their copies of pages (home/cache.py).
VARNISH_URLS = []

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

# SQLite in the checkout unless DATABASE_URL says otherwise (PostgreSQL).
DATABASES = {
    "default": {
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        **env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    }
}
if DATABASES["default"]["ENGINE"] not in {
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
}:
    raise ImproperlyConfigured(
        "DATABASE_URL must start with postgres:// or sqlite:///, "
        f"not {DATABASES['default']['ENGINE']}://."
    )
# PostgreSQL that cannot be reached is given up after 2 s (libpq's shortest),
# and the visitor gets the 503 "short break" page (home/views.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": 2,
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Several librarians write at once. On SQLite: WAL (readers never wait for a
# writer), IMMEDIATE transactions (no "database is locked" when a read turns
# into a write half-way) and a writer waits up to 20 s for the lock.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Autosave is off (see site_settings/editorial/concurrency.py).
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
# The admin names content languages in the librarian's language
# ("angielski", not "English"); LANGUAGES keeps the endonyms for visitors.
WAGTAIL_CONTENT_LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"

# DeepL fills in the translation editor when DEEPL_API_KEY is set; a
# librarian still reads the translation and publishes it.
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="").strip()
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "TIMEOUT": 30},
    }
    if DEEPL_API_KEY
    else None
)
# "Translate this page" creates the translation as a draft, even when the
# original is live: a person reads it before it is published.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
# Media storage that names a full or unreachable storage to the librarian
# (site_settings/operations/storage.py); production.py may use a bucket.
STORAGES = {
    "default": {"BACKEND": "site_settings.operations.storage.LocalMediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A form's text, not its files: Django's 2.5 MB refused a page with 1 MB of
# Polish text (encoded, "ą" takes six bytes). Beyond it the 400 page explains
# how to keep what was typed (home.views.bad_request).
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

# Titles that hold quotes are not quoted again in messages.
MESSAGE_STORAGE = "site_settings.admin_ui.messages.PolishMessageStorage"

WAGTAIL_SITE_NAME = _("Public Library of the Żoliborz District of Warsaw")
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents: the formats a library publishes, checked by content too.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "site_settings.editorial.documents.DocumentForm"
# Served by the site (never a redirect to the bucket), so the rule in
# home/documents.py decides who gets a file; streamed, so the page cache
# and Varnish keep none.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# Decoding a 24-megapixel image (6000×4000) takes ~100 MB; Pillow's 40 MP
# default let a 155 KB PNG take a worker to 490 MB (tests/test_security_images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000
# Refuses damaged or truncated image files with a message instead of a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_settings.editorial.images.ImageForm"
# The sign-in form with Polish labels and placeholders.
WAGTAILADMIN_USER_LOGIN_FORM = "site_settings.admin_ui.forms.LoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No Gravatar: the admin would send a hash of each librarian's e-mail to a
# third party on every page; Wagtail's default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Content-Security-Policy (django-csp 4). Public pages load nothing but the
# site's own files: no inline script or style, no nonces (a cached page would
# reuse one), no third parties; data: images for Wagtail's placeholders.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "frame-src": [SELF],
    }
}
# Under /admin/ only (home.security.PathCSPMiddleware), as measured by
# tests/browser/test_csp.py: Wagtail's inline <script> blocks differ per page
# and carry no nonce, its widgets set inline styles, previews use blob: URLs.
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "media-src": ["blob:"],
}
# Browser features no page of the site needs.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
    "usb=(), xr-spatial-tracking=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Login throttling (django-axes, site_settings/editorial/lockout.py): 5 failed
# logins for one login name from one client address lock that pair out for an
# hour, 30 from one address (any names) lock the address; a Polish message,
# moderators unlock under Settings → "Login lock-outs". Every attempt is logged.
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 30
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "site_settings.editorial.lockout.LockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "site_settings.editorial.lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password"]
# The client's address: X-Forwarded-For read behind this many proxies
# (production.py: DJANGO_PROXY_COUNT); 0, the socket's address. A header a
# client sends itself is never trusted.
PROXY_COUNT = 0
AXES_CLIENT_IP_CALLABLE = "site_settings.editorial.lockout.client_address"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account before the password hash is computed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Residents' messages to partnerships (participation/): kept this many
# months (`manage.py delete_old_messages`, daily), at most this many an hour
# from one address, sent no sooner than this after the form was shown.
PARTICIPATION_RETENTION_MONTHS = env.int("DJANGO_MESSAGE_RETENTION_MONTHS", default=12)
PARTICIPATION_MAX_MESSAGES_PER_HOUR = 5
PARTICIPATION_MIN_FILL_SECONDS = 3

# Admin sessions end after 8 hours without activity.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
