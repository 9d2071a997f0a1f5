"""The shipped Varnish files (config/varnish/) riding out failures, in front
of two `make serve` servers sharing one SQLite database and a Redis of this
module's own (frozen here with SIGSTOP): a frozen Redis costs visitors a
fraction of a second, liveness stays 200 while readiness names the cache;
a login lock-out counts the client's address through Varnish; killing one
server gives GET visitors no 503; with every server down the
kept copy of a page is served, and the site's BAN reaches every host name.

Skipped without varnishd or redis-server, except in CI.
"""

import os
import shutil
import signal
import subprocess
import time
import uuid

import pytest
import requests

from scripts.production_server import (
    ServeProcess,
    free_port,
    serve_env,
    stop_process_group,
)
from tests.factories import PASSWORD

from .test_varnish import (
    EN_KASKADA,
    PL_INDEX,
    PL_KASKADA,
    PUBLIC,
    Stack,
    Varnish,
    missing,
    varnishd,
)

pytestmark = pytest.mark.stack

SECOND_HOST = "localhost"  # the site answers to two host names


class Redis:
    """A redis-server of this module's own, in the foreground."""

    def __init__(self, folder):
        found = shutil.which("redis-server")
        if not found:
            missing("redis-server not found (Debian package redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603
            [found, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(folder)],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while subprocess.run(  # noqa: S603
            [shutil.which("redis-cli") or "redis-cli", "-p", str(self.port), "ping"],
            capture_output=True,
            check=False,
        ).returncode:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.2)

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        self.thaw()
        stop_process_group(self.process)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    varnishd()
    folder = tmp_path_factory.mktemp("varnish-failover")
    redis = Redis(folder)
    ports = [free_port(), free_port()]
    varnish = Varnish(folder, ports)
    shared = {
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SECRET_KEY": f"stack-{uuid.uuid4().hex}{uuid.uuid4().hex}",
        "REDIS_URL": redis.url,
        "WAGTAILADMIN_BASE_URL": varnish.url,
        "DJANGO_ALLOWED_HOSTS": f"127.0.0.1,{SECOND_HOST}",
        "DJANGO_VARNISH_URLS": varnish.url,
        "DJANGO_PROXY_COUNT": "2",  # as behind nginx + Varnish
    }
    apps = []
    try:
        for port in ports:
            apps.append(ServeProcess(folder, port, serve_env(port, folder, **shared)))
            apps[-1].wait()
        varnish.wait()
        built = Stack(apps, varnish, folder / "db.sqlite3")
        built.redis = redis
        yield built
    finally:
        for app in apps:
            app.stop()
        varnish.stop()
        redis.stop()


def timed(get, *args, **kwargs):
    start = time.monotonic()
    response = get(*args, **kwargs)
    return response, time.monotonic() - start


def direct(app, path):
    return requests.get(app.url + path, headers={"Host": "127.0.0.1"}, timeout=30)


def slowest_render(stack):
    """The longest a page takes to render uncached on this machine now (a
    busy test machine adds its own seconds; an idle one, ~0.1 s)."""
    stack.apps[0].manage("shell", "-c", "from home.cache import clear_now; clear_now()")
    slowest = 0.0
    for path in PUBLIC:
        response, seconds = timed(stack.get, path)
        assert response.status_code == 200, path
        assert response.headers.get("X-Cache") != "hit", path
        slowest = max(slowest, seconds)
    return slowest


def test_a_frozen_redis_costs_visitors_a_fraction_of_a_second(stack):
    uncached = slowest_render(stack)
    stack.redis.freeze()
    try:
        slowest = 0.0
        deadline = time.monotonic() + 6  # past one pause of the breaker
        while time.monotonic() < deadline:
            for path in PUBLIC:
                response, seconds = timed(stack.get, path)
                assert response.status_code == 200, path
                slowest = max(slowest, seconds)
        # Under a second more than rendering the page uncached takes.
        assert slowest < uncached + 1, (slowest, uncached)
        for app in stack.apps:
            health, seconds = timed(direct, app, "/healthz")
            assert health.status_code == 200 and seconds < 1, (health.text, seconds)
            ready, seconds = timed(direct, app, "/readyz")
            assert ready.status_code == 503 and seconds < 1
            assert ready.json()["database"] == "ok"
            assert ready.json()["cache"] in {"error", "paused"}, ready.json()
    finally:
        stack.redis.thaw()


def login_through_nginx(stack, session, client, password):
    """A login as nginx forwards it to Varnish (X-Forwarded-For: the
    client's address), which adds nginx's address (DJANGO_PROXY_COUNT=2)."""
    login = f"{stack.varnish.url}/admin/login/"
    headers = {"X-Forwarded-For": client}
    session.get(login, headers=headers, timeout=60)
    data = {
        "username": "bibliotekarka",
        "password": password,
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
    }
    return session.post(login, data=data, headers=headers, timeout=60)


def test_a_lockout_behind_nginx_and_varnish_is_the_clients_own(stack):
    stack.apps[0].manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser("
        f"'bibliotekarka', 'it@example.pl', {PASSWORD!r})",
    )
    attacker = requests.Session()
    for _ in range(5):
        response = login_through_nginx(stack, attacker, "203.0.113.66", "zle")
    assert response.status_code == 429
    assert "Zbyt wiele nieudanych prób logowania" in response.text
    librarian = requests.Session()
    response = login_through_nginx(stack, librarian, "198.51.100.20", PASSWORD)
    assert response.status_code == 200 and response.url.endswith("/admin/")


def test_killing_one_server_gives_get_visitors_no_503(stack):
    for path in PUBLIC:
        assert stack.get(path).status_code == 200, path
    os.killpg(stack.apps[1].process.pid, signal.SIGKILL)
    statuses = []
    deadline = time.monotonic() + 5  # until and after the probe sees it
    while time.monotonic() < deadline:
        for path in PUBLIC:
            statuses.append(stack.get(path).status_code)
    assert statuses.count(200) == len(statuses), sorted(set(statuses))


def test_with_every_server_down_a_kept_page_is_served(stack):
    """The last copy of each page is served while no server answers; a
    change on the site bans the copies under every host name."""
    hosts = [None, f"{SECOND_HOST}:{stack.varnish.port}"]

    def get(path, host):
        return stack.get(path, headers={"Host": host} if host else {})

    for host in hosts:
        for path in (PL_INDEX, PL_KASKADA):
            assert get(path, host).status_code == 200, (path, host)
    # A change (as any publish makes): Varnish forgets the copies.
    stack.apps[0].manage("shell", "-c", "from home.cache import clear; clear()")
    kept = {host: get(PL_INDEX, host) for host in hosts}
    assert {response.status_code for response in kept.values()} == {200}
    os.killpg(stack.apps[0].process.pid, signal.SIGKILL)
    for _ in range(2):  # before and after the probe marks it sick
        for host in hosts:
            served = get(PL_INDEX, host)
            assert served.status_code == 200, host
            assert served.text == kept[host].text
            assert get(PL_KASKADA, host).status_code == 503, host
            assert get(EN_KASKADA, host).status_code == 503, host
        time.sleep(3)
