"""The site under gunicorn with the production settings, started from Python.

- ``ServeProcess``: `make serve` itself (scripts/serve.sh: check, migrate,
  collectstatic, initial content, Site address, gunicorn) in its own process
  group, for the tests that need the site as it runs in production
  (tests/test_production_stack.py, tests/test_varnish.py).
- ``start_gunicorn``: gunicorn alone on a database already prepared, for
  `make bench` and `make lighthouse` (the Makefile migrates and seeds first):
  the variables production requires (README: "Running in production") set
  for a local trial (``production_env``), the embedded SQLite database, no
  Redis.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "scripts" / "serve.sh"
# How long a start may take. On a two-core machine running the test parts side
# by side, migrate, collectstatic and the initial content took over 300 s; a
# start that fails stops the process, which is reported at once, so this
# only bounds a start that hangs.
START_TIMEOUT = 900


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_env(port, workdir, **variables):
    """The environment of `make serve` on 127.0.0.1:``port``: this process's
    own, without any site setting it may carry (DJANGO_*, AWS_*, EMAIL_*,
    REDIS*, DATABASE*), a fresh secret, static files under ``workdir``, then
    ``variables`` (at least DATABASE_URL)."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "EMAIL_", "REDIS", "DATABASE"))
    }
    environ.update(
        DJANGO_SECRET_KEY=f"local-{uuid.uuid4().hex}{uuid.uuid4().hex}",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DJANGO_STATIC_ROOT=str(Path(workdir) / f"static-{port}"),
        DJANGO_LOG_LEVEL="WARNING",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        PYTHONUNBUFFERED="1",
        # Without REDIS_URL, the workers' shared page cache (files).
        DJANGO_CACHE_DIR=str(Path(workdir) / f"cache-{port}"),
    )
    environ.update(variables)
    return environ


def stop_process_group(process):
    """Stop ``process`` (started with ``start_new_session=True``) and every
    process it started: SIGTERM, then SIGKILL after 30 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def admin_session(base_url, username, password, session=None, timeout=60):
    """A ``requests`` session logged in to the Wagtail admin at ``base_url``."""
    import requests

    session = session or requests.Session()
    login = f"{base_url}/admin/login/"
    session.get(login, timeout=timeout)
    response = session.post(
        login,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=timeout,
    )
    if not response.url.rstrip("/").endswith("/admin"):
        raise ServerError(f"{username} could not log in:\n{response.text[:500]}")
    return session


class ServerError(RuntimeError):
    """`make serve` stopped or did not answer; the message ends with its log."""


class ServeProcess:
    """scripts/serve.sh (`make serve`) in its own process group, its output
    in ``workdir/serve-<port>.log``; ``wait()`` until /healthz answers,
    ``stop()`` it and its gunicorn workers."""

    def __init__(self, workdir, port, environ):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = Path(workdir) / f"serve-{port}.log"
        self.environ = environ
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own script
                [str(SERVE)],
                env=environ,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log_tail(self, characters=3000):
        return self.log.read_text(errors="replace")[-characters:]

    def wait(self, timeout=START_TIMEOUT):
        """This server, once /healthz answers on its own address."""
        # Host: the public address, which may be a proxy in front.
        host = urllib.parse.urlsplit(self.environ["WAGTAILADMIN_BASE_URL"]).netloc
        request = urllib.request.Request(  # noqa: S310 - our own server
            f"{self.url}/healthz", headers={"Host": host}
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"make serve stopped:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(1)
        raise ServerError(f"make serve did not answer:\n{self.log_tail()}")

    def stop(self):
        stop_process_group(self.process)

    def manage(self, *args):
        """``manage.py *args`` with this server's settings and environment
        (the same database, cache and proxy)."""
        environ = {
            **self.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
        }
        return subprocess.run(  # noqa: S603
            [str(ROOT / ".venv/bin/python"), "manage.py", *args],
            env=environ,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )


def production_env(port, **extra):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="local-trial-only-not-secret",  # noqa: S106
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=os.environ.get("DATABASE_URL")
        or f"sqlite:///{ROOT / 'db.sqlite3'}",
        # The hello-world view to compare with, and the uploaded images.
        DJANGO_BENCH_HELLO="1",
        **extra,
    )
    # No Redis needed: the workers share a page cache in files, new each run.
    env.pop("REDIS_URL", None)
    env.setdefault("DJANGO_CACHE_DIR", tempfile.mkdtemp(prefix="zoliborz-cache-"))
    return env


def start_gunicorn(port, env, workers=2):
    """A gunicorn answering on ``port`` (the caller terminates it)."""
    process = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(200):
        try:
            url = f"http://127.0.0.1:{port}/bench-hello/"
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on port {port}")
