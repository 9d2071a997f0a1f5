"""Production: everything that differs between deployments comes from the
environment (README: "Running in production" lists every variable). A missing
or malformed value stops start-up with a message naming the variable; the
readers are in `config/env.py`."""

from urllib.parse import urlsplit

from config import env

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False

# --- The site's address, hosts and secrets ------------------------------------
SECRET_KEY = env.required("DJANGO_SECRET_KEY")
# The public address: admin links in e-mails, and (through `set_site_address`,
# run by `make serve`) the Wagtail Site record behind every absolute URL.
WAGTAILADMIN_BASE_URL = env.http_url("WAGTAILADMIN_BASE_URL")
_public = urlsplit(WAGTAILADMIN_BASE_URL)
# Unset: the public address's host only (never an empty list, which answers
# every request with 400).
ALLOWED_HOSTS = env.as_list("DJANGO_ALLOWED_HOSTS") or [_public.hostname]
for _host in ALLOWED_HOSTS:
    if "/" in _host or " " in _host:
        raise env.ImproperlyConfigured(
            f"DJANGO_ALLOWED_HOSTS: {_host!r} must be a host name such as "
            "biblioteka.example.pl, without http:// or a path."
        )
CSRF_TRUSTED_ORIGINS = env.origins("DJANGO_CSRF_TRUSTED_ORIGINS") or [
    WAGTAILADMIN_BASE_URL
]
ADMINS = env.admins("DJANGO_ADMINS")
MANAGERS = ADMINS

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (README). Cookies
# are marked secure when the public address is https (a plain-http trial on
# 127.0.0.1 can still log in).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = _public.scheme == "https"
CSRF_COOKIE_SECURE = _public.scheme == "https"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Database and cache -------------------------------------------------------
# PostgreSQL (psycopg 3): postgres://user:password@host:5432/name.
DATABASES = {"default": env.database("DATABASE_URL")}
# The cache every application server shares (Redis). Without REDIS_URL, one
# server: files in DJANGO_CACHE_DIR, shared by all its gunicorn workers and
# manage.py, so a publish handled by one worker (or a command) renews the
# page cache of every worker; a cache in each process's memory would let the
# others serve the old page (and a proxy keep it) until it expired.
REDIS_URL = env.redis_url("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.optional("DJANGO_CACHE_PREFIX", "zoliborz"),
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.optional("DJANGO_CACHE_DIR", str(BASE_DIR / "var/cache")),
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Page cache (home/cache.py) ---------------------------------------------
# The "pages" alias, which every change clears whole: on Redis that is
# FLUSHDB, so it has a database of its own (DJANGO_PAGE_CACHE_URL, or
# REDIS_URL's database + 1), never the "default" alias's. Without Redis,
# files beside the default cache's, shared by every gunicorn worker.
import os  # noqa: E402
from urllib.parse import urlsplit as _urlsplit  # noqa: E402

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

_pages_url = os.environ.get("DJANGO_PAGE_CACHE_URL", "").strip()
if REDIS_URL and not _pages_url:
    _redis = _urlsplit(REDIS_URL)
    _pages_db = int(_redis.path.strip("/") or 0) + 1
    _pages_url = _redis._replace(path=f"/{_pages_db}").geturl()
if REDIS_URL and _pages_url == REDIS_URL:
    raise ImproperlyConfigured(
        "DJANGO_PAGE_CACHE_URL must name another Redis database than REDIS_URL."
    )
if _pages_url:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _pages_url,
        "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"],
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(CACHES["default"]["LOCATION"], "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
# --- End of the page cache ----------------------------------------------------

# --- Static files and media ---------------------------------------------------
# Static files: collected by `make serve` (collectstatic) and served by
# WhiteNoise with hashed names and compressed copies.
STATIC_ROOT = env.optional("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Media (uploaded images and documents): an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set (several servers), local files otherwise.
MEDIA_ROOT = env.optional("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
AWS_STORAGE_BUCKET_NAME = env.optional("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _media = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.http_url("AWS_S3_ENDPOINT_URL", required_=False)
            or None,
            "access_key": env.required("AWS_ACCESS_KEY_ID"),
            "secret_key": env.required("AWS_SECRET_ACCESS_KEY"),
            "region_name": env.optional("AWS_S3_REGION_NAME") or None,
            # Public URLs without signatures: pages (and cached pages) link
            # images that stay valid; the bucket allows public reading.
            "querystring_auth": False,
            "custom_domain": env.optional("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    _media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Local media are served by the application (config/urls.py) unless the proxy
# serves MEDIA_ROOT itself (DJANGO_SERVE_MEDIA=false).
SERVE_MEDIA = not AWS_STORAGE_BUCKET_NAME and env.as_bool(
    "DJANGO_SERVE_MEDIA", default=True
)
STORAGES = {
    "default": _media,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail (moderation notices, error reports) -------------------------------
# EMAIL_URL (e.g. submission://user:password@smtp.example.pl:587), or the
# EMAIL_HOST/EMAIL_PORT/... settings one by one. Neither: nothing is sent and
# each e-mail is logged as a warning saying so.
_email = env.email("EMAIL_URL")
if not _email and env.optional("EMAIL_HOST"):
    _email = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": env.optional("EMAIL_HOST"),
        "EMAIL_PORT": env.as_int("EMAIL_PORT", 25, minimum=1),
        "EMAIL_HOST_USER": env.optional("EMAIL_HOST_USER"),
        "EMAIL_HOST_PASSWORD": env.optional("EMAIL_HOST_PASSWORD"),
        "EMAIL_USE_TLS": env.as_bool("EMAIL_USE_TLS"),
        "EMAIL_USE_SSL": env.as_bool("EMAIL_USE_SSL"),
    }
EMAIL_BACKEND = _email.pop("EMAIL_BACKEND", "config.mail.NotConfiguredEmailBackend")
globals().update(_email)
DEFAULT_FROM_EMAIL = env.optional(
    "DJANGO_DEFAULT_FROM_EMAIL", f"noreply@{_public.hostname}"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Logging --------------------------------------------------------------------
# Everything to stderr (journald under systemd), errors with their traceback;
# errors are also e-mailed to DJANGO_ADMINS when set.
LOG_LEVEL = env.optional("DJANGO_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django": {
            "handlers": ["stderr", *(["mail_admins"] if ADMINS else [])],
            "level": LOG_LEVEL,
            "propagate": False,
        },
        # One line per background task (search index, references) is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# Security hardening (issue 12): HTTPS redirect and HSTS from the environment
# (DJANGO_SECURE_HSTS_SECONDS etc., see config/settings/security.py).
import os  # noqa: E402

from .security import https_settings  # noqa: E402

globals().update(https_settings(os.environ, https=_public.scheme == "https"))
