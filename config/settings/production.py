"""Production: what differs between deployments comes from the environment
(README, "Running in production", lists every variable). A missing or
malformed one stops start-up with ImproperlyConfigured naming it."""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, env


def env_list(name):
    """Comma-separated values; spaces around each and empty items ignored."""
    return [item for item in env.list(name, cast=str.strip, default=[]) if item]


def env_url(read, name):
    """``env.cache_url`` / ``env.email_url`` with the variable named in errors."""
    try:
        return read(name)
    except (ImproperlyConfigured, ValueError) as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


DEBUG = False

# --- The site's address, hosts and secrets ----------------------------------
SECRET_KEY = env.str("DJANGO_SECRET_KEY")
# The public address: admin links in e-mails, and (through `set_site_address`,
# run by `make serve`) the Wagtail Site record behind every absolute URL.
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL").strip().rstrip("/")
_public = urlsplit(WAGTAILADMIN_BASE_URL)
if _public.scheme not in {"http", "https"} or not _public.hostname or _public.path:
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be an address without a path, such as "
        f"https://biblioteka.example.pl, not {WAGTAILADMIN_BASE_URL!r}."
    )
_https = _public.scheme == "https"
# Unset: the public address's host (never an empty list: 400 for everything).
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or [_public.hostname]
for _host in ALLOWED_HOSTS:
    if "/" in _host or " " in _host:
        raise ImproperlyConfigured(
            f"DJANGO_ALLOWED_HOSTS: {_host!r} must be a host name such as "
            "biblioteka.example.pl, without http:// or a path."
        )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or [
    WAGTAILADMIN_BASE_URL
]
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"DJANGO_CSRF_TRUSTED_ORIGINS: {_origin!r} must start with https://."
        )
# "Name <it@example.pl>, other@example.pl": who gets each server error.
ADMINS = []
for _item in env_list("DJANGO_ADMINS"):
    _name, _address = parseaddr(_item)
    if "@" not in _address:
        raise ImproperlyConfigured(
            f"DJANGO_ADMINS: {_item!r} is not an e-mail address "
            "(write 'Name <name@example.pl>' or 'name@example.pl')."
        )
    ADMINS.append((_name or _address, _address))
MANAGERS = ADMINS

# --- HTTPS, behind a TLS-terminating proxy that sets X-Forwarded-Proto -------
# A plain-http trial (`make serve` on 127.0.0.1): no secure cookies, and no
# redirect or HSTS unless the variables ask for them. Start a new domain with
# DJANGO_SECURE_HSTS_SECONDS=300, then raise it to a year.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=_https)
# A load balancer or monitoring may check over http.
SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz)/?$"]
SECURE_HSTS_SECONDS = env.int(
    "DJANGO_SECURE_HSTS_SECONDS", default=31_536_000 if _https else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
# Login throttling counts by the client's address as the proxies report it:
# 1 behind nginx, 2 behind nginx + Varnish (each appends to X-Forwarded-For).
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=1)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be 0 or more.")

# --- Database -----------------------------------------------------------------
# Required here: base.py parses it (postgres://user:password@host:5432/name).
env.str("DATABASE_URL")

# Caches ----------------------------------------------------------------------
# Redis shared by every server (REDIS_URL). The "pages" alias (home/cache.py),
# which every change clears whole (FLUSHDB on Redis), has a database of its
# own: DJANGO_PAGE_CACHE_URL, or REDIS_URL's database + 1. Without Redis, one
# server: files in DJANGO_CACHE_DIR shared by its gunicorn workers and
# manage.py, so a publish in one process clears the pages of all.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    _default = env_url(env.cache_url, "REDIS_URL")
    _redis = urlsplit(REDIS_URL)
    _next_db = f"/{int(_redis.path.strip('/') or 0) + 1}"
    _pages_url = env.str(
        "DJANGO_PAGE_CACHE_URL", default=_redis._replace(path=_next_db).geturl()
    )
    if _pages_url == REDIS_URL:
        raise ImproperlyConfigured(
            "DJANGO_PAGE_CACHE_URL must name another Redis database than REDIS_URL."
        )
    _prefix = env.str("DJANGO_CACHE_PREFIX", default="zoliborz")

    # A frozen or unreachable Redis costs one short timeout, then the cache is
    # left alone for a few seconds (home/resilient_cache.py).
    def _resilient(config):
        return {
            **config,
            "BACKEND": "home.resilient_cache.ResilientRedisCache",
            "KEY_PREFIX": _prefix,
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                **config.get("OPTIONS", {}),
            },
        }

    CACHES = {
        "default": {**_resilient(_default), "TIMEOUT": 600},
        "pages": _resilient(env.cache_url_config(_pages_url)),
    }
else:
    _cache_dir = env.str("DJANGO_CACHE_DIR", default=str(BASE_DIR / "var/cache"))
    _files = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
    CACHES = {
        "default": {**_files, "LOCATION": _cache_dir},
        "pages": {**_files, "LOCATION": f"{_cache_dir}/pages"},
    }

# Varnish in front: each is sent a BAN on every change (its copies of pages).
VARNISH_URLS = env_list("DJANGO_VARNISH_URLS")
for _url in VARNISH_URLS:
    if not _url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"DJANGO_VARNISH_URLS: {_url!r} must be an address such as "
            "http://127.0.0.1:6081/."
        )

# --- Static files and media ---------------------------------------------------
# Collected by `make serve`, served by WhiteNoise hashed and compressed.
STATIC_ROOT = env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_ROOT = env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Media in an S3-compatible bucket (several servers), local files otherwise.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _media = {
        "BACKEND": "site_settings.operations.storage.BucketMediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "access_key": env.str("AWS_ACCESS_KEY_ID"),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY"),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            # Unsigned public URLs: pages (and cached pages) link images that
            # stay valid; the bucket allows public reading.
            "querystring_auth": False,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    _media = {"BACKEND": "site_settings.operations.storage.LocalMediaStorage"}
# Local media are served by the application (config/urls.py) unless the proxy
# serves MEDIA_ROOT itself (DJANGO_SERVE_MEDIA=false).
SERVE_MEDIA = not AWS_STORAGE_BUCKET_NAME and env.bool(
    "DJANGO_SERVE_MEDIA", default=True
)
STORAGES = {
    "default": _media,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail (moderation notices, error reports) -------------------------------
# EMAIL_URL, or EMAIL_HOST/EMAIL_PORT/... one by one. Neither: nothing is sent
# and each e-mail is logged as a warning saying so.
EMAIL_BACKEND = "config.mail.NotConfiguredEmailBackend"
if env.str("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.str("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
if env.str("EMAIL_URL", default=""):
    _email = env_url(env.email_url, "EMAIL_URL")
    if (
        _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        and not (_email["EMAIL_HOST"])
    ):
        raise ImproperlyConfigured("EMAIL_URL names no mail server.")
    if _email.get("EMAIL_USE_TLS") and _email["EMAIL_PORT"] == 465:
        raise ImproperlyConfigured(
            "EMAIL_URL: port 465 takes TLS from the start: write smtp+ssl://."
        )
    _email.pop("OPTIONS", None)
    globals().update({key: value for key, value in _email.items() if value})
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default=f"noreply@{_public.hostname}"
)
SERVER_EMAIL = WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Logging --------------------------------------------------------------------
# Everything to stderr (journald under systemd), errors with their traceback;
# errors are also e-mailed to DJANGO_ADMINS when set.
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO").upper()
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
