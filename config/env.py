"""Reading settings from the environment, for `config.settings.production`.

Each helper reads one variable and raises ``ImproperlyConfigured`` naming it
when it is missing or malformed, so a bad deployment stops at start-up with a
message that says what to fix instead of answering every request with an error.
"""

import os
from email.utils import parseaddr
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def _raw(name, environ):
    return (environ if environ is not None else os.environ).get(name, "").strip()


def required(name, environ=None):
    value = _raw(name, environ)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set (see README: production).")
    return value


def optional(name, default="", environ=None):
    return _raw(name, environ) or default


def as_list(name, environ=None, required_=False):
    """Comma-separated values; spaces around each and empty items ignored."""
    value = required(name, environ) if required_ else _raw(name, environ)
    items = [item.strip() for item in value.split(",")]
    return [item for item in items if item]


def as_bool(name, default=False, environ=None):
    value = _raw(name, environ).lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def as_int(name, default, environ=None, minimum=0):
    value = _raw(name, environ)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}.")
    return number


def http_url(name, environ=None, required_=True):
    """An absolute http(s) address with a host and no path, e.g.
    ``https://biblioteka.example.pl``; returned without a trailing slash."""
    value = required(name, environ) if required_ else _raw(name, environ)
    if not value:
        return ""
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port: {value!r}.") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} must be an address such as https://biblioteka.example.pl, "
            f"not {value!r}."
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name} must be the site's address without a path, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


def origins(name, environ=None):
    """``DJANGO_CSRF_TRUSTED_ORIGINS``: each an http(s) address with a host."""
    values = as_list(name, environ)
    for value in values:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ImproperlyConfigured(
                f"{name}: {value!r} must start with https:// (or http://)."
            )
    return values


def admins(name, environ=None):
    """``DJANGO_ADMINS``: comma-separated ``Name <address>`` or addresses."""
    result = []
    for item in as_list(name, environ):
        person, address = parseaddr(item)
        if "@" not in address:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an e-mail address "
                "(write 'Name <name@example.pl>' or 'name@example.pl')."
            )
        result.append((person or address, address))
    return result


def database(name, environ=None, default=""):
    """``DATABASE_URL``: postgres:// (or sqlite:///path)."""
    import dj_database_url

    value = _raw(name, environ) or default
    if not value:
        raise ImproperlyConfigured(f"{name} must be set (see README: production).")
    try:
        config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
    except (ValueError, dj_database_url.UnknownSchemeError) as error:
        raise ImproperlyConfigured(
            f"{name} is not a database address: {error}"
        ) from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database: {value!r}.")
    return config


def redis_url(name, environ=None):
    value = _raw(name, environ)
    if value and urlsplit(value).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"{name} must start with redis://, rediss:// or unix://, not {value!r}."
        )
    return value


EMAIL_SCHEMES = {
    "smtp": ("django.core.mail.backends.smtp.EmailBackend", False, False),
    "submission": ("django.core.mail.backends.smtp.EmailBackend", True, False),
    "smtp+tls": ("django.core.mail.backends.smtp.EmailBackend", True, False),
    "smtps": ("django.core.mail.backends.smtp.EmailBackend", False, True),
    "smtp+ssl": ("django.core.mail.backends.smtp.EmailBackend", False, True),
    "console": ("django.core.mail.backends.console.EmailBackend", False, False),
}


def email(name, environ=None):
    """``EMAIL_URL`` as Django settings, e.g.
    ``submission://user:password@smtp.example.pl:587`` (STARTTLS),
    ``smtps://user:password@smtp.example.pl:465`` (TLS), ``smtp://host:25``
    or ``console://`` (print e-mails to the log). Empty: ``{}``."""
    value = _raw(name, environ)
    if not value:
        return {}
    parts = urlsplit(value)
    if parts.scheme not in EMAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"{name} must start with one of {', '.join(sorted(EMAIL_SCHEMES))}: "
            f"not {parts.scheme or value!r}."
        )
    backend, use_tls, use_ssl = EMAIL_SCHEMES[parts.scheme]
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": backend}
    if not parts.hostname:
        raise ImproperlyConfigured(f"{name} names no mail server: {value!r}.")
    try:
        port = parts.port or (587 if use_tls else 465 if use_ssl else 25)
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port: {value!r}.") from None
    query = parse_qs(parts.query)
    settings = {
        "EMAIL_BACKEND": backend,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }
    if "timeout" in query:
        settings["EMAIL_TIMEOUT"] = int(query["timeout"][0])
    return settings
