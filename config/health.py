"""`/healthz`: is this application server able to answer? For the proxy's
health checks and for monitoring."""

import logging
import uuid

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    """A write and a read back through the shared cache (Redis in production)."""
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    return value == "ok"


@never_cache
@require_GET
def healthz(request):
    """200 with {"status": "ok", ...} when the database and the cache answer,
    503 naming what failed otherwise (the details go to the log)."""
    checks = {}
    for name, check in (("database", _database), ("cache", _cache)):
        try:
            result = check()
        except Exception:
            logger.exception("Health check: %s failed", name)
            result = False
        checks[name] = "ok" if result else "error"
    healthy = "error" not in checks.values()
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks},
        status=200 if healthy else 503,
    )
