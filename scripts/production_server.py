"""gunicorn with the production settings on 127.0.0.1, for `make bench` and
`make lighthouse`: the variables production requires (README: "Running in
production") set for a local trial, the embedded SQLite database, no Redis."""

import os
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    env.pop("REDIS_URL", None)  # each worker's local memory: no service needed
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
