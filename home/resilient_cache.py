"""Django's RedisCache behind a circuit breaker, for every Redis cache alias.

A Redis that fails (down, frozen, unreachable) costs one short socket timeout
(set in settings); then every cache call of every thread of this process is a
miss for PAUSE_SECONDS without asking Redis, and pages render uncached. The
first call after the pause tries Redis again. How it fits the page cache:
docs/architecture.md, "A failing Redis".
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5.0


class Breaker:
    """Whether a Redis server is being left alone after a failure; one per
    server address, shared by the aliases and threads that use it."""

    registry = {}
    lock = threading.Lock()

    def __init__(self, server):
        self.server = server
        self.paused_until = 0.0
        # Locations whose clear() fell in a pause: cleared once Redis answers,
        # so a publish made meanwhile is not hidden behind kept pages.
        self.missed_clears = set()

    @classmethod
    def for_location(cls, location):
        servers = location.split(",") if isinstance(location, str) else location
        parts = [urlsplit(server.strip()) for server in servers]
        server = ",".join(part.netloc or part.path for part in parts)
        with cls.lock:
            return cls.registry.setdefault(server, cls(server))

    def is_open(self):
        return time.monotonic() < self.paused_until

    def trip(self, error):
        first = not self.is_open()
        self.paused_until = time.monotonic() + PAUSE_SECONDS
        if first:
            logger.warning(
                "Cache unavailable (%s): %s; pages are served uncached, Redis "
                "is asked again in %g s.",
                self.server,
                error,
                PAUSE_SECONDS,
            )

    def reset(self):
        self.paused_until = 0.0
        self.missed_clears.clear()


def guarded(method, fallback):
    """``method``, or ``fallback(cache, *args, **kwargs)`` while the breaker is open
    and when Redis fails (which opens it)."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if self.breaker.is_open():
            return fallback(self, *args, **kwargs)
        try:
            if self.location in self.breaker.missed_clears:
                RedisCache.clear(self)
                self.breaker.missed_clears.discard(self.location)
            return method(self, *args, **kwargs)
        except (RedisError, OSError) as error:
            self.breaker.trip(error)
            return fallback(self, *args, **kwargs)

    return call


def answer(value):
    return lambda *args, **kwargs: value


def missing_key(cache, key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable).")


def clear_later(cache, *args, **kwargs):
    cache.breaker.missed_clears.add(cache.location)
    raise ConnectionError(f"Cache not cleared now ({cache.breaker.server}).")


class ResilientRedisCache(RedisCache):
    """RedisCache whose every call gives up at once while its Redis server
    is paused (see the module's docstring): a read is a miss, a write is
    skipped, ``clear()`` raises ConnectionError and is done once Redis
    answers again."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)
        self.breaker = Breaker.for_location(server)

    def is_available(self):
        """False while Redis is being left alone after a failure."""
        return not self.breaker.is_open()

    get = guarded(
        RedisCache.get, lambda cache, key, default=None, version=None: default
    )
    get_many = guarded(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = guarded(RedisCache.has_key, answer(False))
    add = guarded(RedisCache.add, answer(False))
    set = guarded(RedisCache.set, answer(None))
    set_many = guarded(RedisCache.set_many, lambda cache, data, *a, **k: list(data))
    touch = guarded(RedisCache.touch, answer(False))
    delete = guarded(RedisCache.delete, answer(False))
    delete_many = guarded(RedisCache.delete_many, answer(None))
    incr = guarded(RedisCache.incr, missing_key)
    clear = guarded(RedisCache.clear, clear_later)
