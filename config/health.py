"""Health checks (README, "Health checks").

- ``/healthz``, liveness: this process answers and reaches its database. The
  proxy's or load balancer's probe: a server that answers it can serve pages,
  uncached if need be.
- ``/readyz``, readiness: every dependency with its state, for monitoring;
  503 when one fails. Never a proxy's probe: a failing cache is not a reason
  to take a server out.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache(alias):
    """A write and a read back (Redis in production); "paused" while a
    failing Redis is left alone (home/resilient_cache.py)."""

    def check():
        backend = caches[alias]
        if not getattr(backend, "is_available", lambda: True)():
            return "paused"
        key = f"readyz:{uuid.uuid4().hex}"
        backend.set(key, "ok", timeout=10)
        value = backend.get(key)
        backend.delete(key)
        return value == "ok"

    return check


def media():
    """The media storage (folder or bucket) can be listed."""
    default_storage.listdir("")
    return True


def run(checks):
    states = {}
    for name, check in checks.items():
        try:
            result = check()
        except Exception:
            logger.exception("Health check: %s failed", name)
            result = False
        states[name] = (
            result if isinstance(result, str) else "ok" if result else "error"
        )
    healthy = all(state == "ok" for state in states.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **states},
        status=200 if healthy else 503,
    )


@never_cache
@require_GET
def healthz(request):
    """Liveness: 200 {"status": "ok", "database": "ok"}, or 503 when the
    database does not answer."""
    return run({"database": database})


@never_cache
@require_GET
def readyz(request):
    """Readiness: the database, both cache aliases and the media storage, each
    "ok", "error" or "paused"; 200 when all are "ok", 503 otherwise."""
    return run(
        {
            "database": database,
            "cache": cache("default"),
            "page_cache": cache(settings.CACHE_MIDDLEWARE_ALIAS),
            "media": media,
        }
    )
