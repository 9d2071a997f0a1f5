"""Riding out a failing cache or database (home/resilient_cache.py,
config/health.py, home/views.py): a frozen Redis costs one short timeout,
liveness stays 200 while readiness names the cache, and a database that
cannot be reached gives a short 503 page with Retry-After."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import OperationalError, connection
from django.test import Client

from home import resilient_cache

pytestmark = pytest.mark.django_db

KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
KASKADA_EN = "/en/cooperation/local-partnerships/marymont-kaskada/"


class FrozenRedis:
    """A port that accepts connections and never answers, as a Redis
    stopped with SIGSTOP (or a black-holed network) looks."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.server.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def frozen_redis(settings):
    """Both cache aliases on a frozen Redis, with production's timeouts and
    the page cache on."""
    redis = FrozenRedis()
    resilient_cache.Breaker.registry.clear()
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    backend = "home.resilient_cache.ResilientRedisCache"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": backend,
            "LOCATION": f"redis://127.0.0.1:{redis.port}/0",
            "OPTIONS": options,
        },
        "pages": {
            "BACKEND": backend,
            "LOCATION": f"redis://127.0.0.1:{redis.port}/1",
            "OPTIONS": options,
        },
    }
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    yield redis
    redis.close()
    resilient_cache.Breaker.registry.clear()


def warm_up(client, urls):
    """Render each page once (templates compiled, a cold process is slow on
    its own), then forget the failure that opened the breaker."""
    for url in urls:
        client.get(url)
    for breaker in resilient_cache.Breaker.registry.values():
        breaker.reset()


def timed_get(client, url):
    start = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - start


def test_a_frozen_redis_costs_one_short_timeout_then_is_left_alone(
    client, site_tree, frozen_redis, caplog
):
    urls = (KASKADA, "/wspolpraca/", "/szukaj/?query=kaskada", KASKADA)
    warm_up(client, urls)
    caplog.clear()
    for url in urls:
        response, seconds = timed_get(client, url)
        assert response.status_code == 200, url
        assert seconds < 1, (url, seconds)
        assert "X-Cache" not in response
    assert "Marymont-Kaskada" in response.content.decode()
    # One failed call for both aliases of that server, none while paused.
    assert caplog.text.count("Cache unavailable") == 1


def test_redis_is_asked_again_after_the_pause(
    client, site_tree, frozen_redis, monkeypatch, caplog
):
    monkeypatch.setattr(resilient_cache, "PAUSE_SECONDS", 2)
    client.get(KASKADA)
    client.get(KASKADA)
    assert caplog.text.count("Cache unavailable") == 1
    time.sleep(2.1)
    response, seconds = timed_get(client, KASKADA)
    assert response.status_code == 200 and seconds < 1
    assert caplog.text.count("Cache unavailable") == 2


def test_liveness_stays_200_while_readiness_names_the_cache(
    client, site_tree, frozen_redis
):
    warm_up(client, ["/healthz", "/readyz"])
    health, seconds = timed_get(client, "/healthz")
    assert health.status_code == 200 and seconds < 1
    assert health.json() == {"status": "ok", "database": "ok"}
    ready, seconds = timed_get(client, "/readyz")
    assert ready.status_code == 503 and seconds < 1
    assert ready.json() == {
        "status": "error",
        "database": "ok",
        "cache": "paused",
        "page_cache": "paused",
        "media": "ok",
    }


def test_a_publish_while_paused_is_not_hidden_behind_kept_pages(frozen_redis):
    """A clear that falls in a pause says so (the caller logs it) and is
    done on the first call once Redis answers again."""
    from django.core.cache import caches

    pages = caches["pages"]
    assert pages.get("anything") is None  # trips the breaker
    with pytest.raises(ConnectionError):
        pages.clear()
    assert pages.location in pages.breaker.missed_clears


def refuse(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: refused")


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        (KASKADA, "pl", "Przerwa techniczna"),
        (KASKADA_EN, "en", "Short break"),
    ],
)
def test_a_database_that_cannot_be_reached_gives_a_short_break_page(
    site_tree, url, language, text
):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse):
        response = client.get(url)
        health = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert text in html
    assert "Traceback" not in html
    assert health.status_code == 503
    assert health.json() == {"status": "error", "database": "error"}


def test_other_errors_stay_a_500(site_tree, monkeypatch):
    from home import views

    def broken(request):
        raise ValueError("a bug")

    monkeypatch.setattr(views.site_search, "search", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/szukaj/?query=kaskada")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_change_bans_varnish_copies_after_the_commit(
    settings, site_tree, django_capture_on_commit_callbacks, caplog
):
    received = []

    class Varnish(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - the HTTP method's name
            received.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Varnish)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    closed = socket.create_server(("127.0.0.1", 0))
    down = f"http://127.0.0.1:{closed.getsockname()[1]}/"
    closed.close()
    settings.VARNISH_URLS = [f"http://127.0.0.1:{server.server_port}/", down]
    page = site_tree.partnerships["marymont-kaskada"]
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page.title = "Partnerstwo „Marymont-Kaskada” (nowe)"
            page.save_revision().publish()
            assert received == []  # not before the commit
        assert callbacks
    finally:
        server.shutdown()
    assert received and set(received) == {"/"}
    assert f"Varnish's copies of pages not banned ({down})" in caplog.text
