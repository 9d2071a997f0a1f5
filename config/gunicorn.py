"""Gunicorn settings for `make serve` (scripts/serve.sh): the application is
loaded once in the master (preload) and warmed up before the workers fork, so
the first requests after a restart are as fast as the later ones."""

import logging

import environ

# No `Server: gunicorn` banner. Private names: gunicorn reads the public
# module-level names here as settings, and `config` is one.
from config import gunicorn_hardening as _gunicorn_hardening  # noqa: F401

_env = environ.Env()
bind = f"{_env.str('BIND', default='127.0.0.1')}:{_env.int('PORT', default=8000)}"
workers = _env.int("WEB_CONCURRENCY", default=2)
preload_app = True
timeout = 60
graceful_timeout = 30
# A worker is replaced after this many requests (bounds memory growth).
max_requests = 2000
max_requests_jitter = 200
# Several servers may run on one machine (systemd manages each).
control_socket_disable = True
accesslog = "-"
errorlog = "-"
# Behind the proxy on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = _env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1,::1")

logger = logging.getLogger("gunicorn.error")


def when_ready(server):
    """Before the workers fork: import every view and compile the templates of
    the home page by answering one request in the master; then close the
    connections it opened (each worker opens its own)."""
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    from home.cache import clear_now

    # A start forgets every kept page: nothing kept before a restart (a
    # migration, a restore, a new release's templates) is served after it.
    clear_now()

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    host = "localhost" if host.startswith(".") or host == "*" else host
    try:
        for path in ("/", "/healthz", "/admin/login/"):
            # As through the TLS proxy, so an https redirect does not cut
            # the warm-up short.
            client = Client(HTTP_HOST=host, raise_request_exception=False)
            client.get(path, secure=True)
    except Exception:
        logger.exception("Warm-up request failed (the server starts anyway)")
    finally:
        connections.close_all()
    logger.info("Warmed up: ready for requests on %s", bind)
