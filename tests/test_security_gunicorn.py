"""A real gunicorn with the project's hardening module sends no `Server`
banner; without it, gunicorn would say `Server: gunicorn`."""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.production_server import START_TIMEOUT, free_port

REPO = Path(__file__).resolve().parents[1]


def headers_from_gunicorn(*config):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (the test's own command)
        [
            sys.executable,
            "-m",
            "gunicorn",
            *config,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "tests.gunicorn_probe_app:app",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # A busy machine may take minutes: wait while gunicorn runs.
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                url = f"http://127.0.0.1:{port}/"
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    return dict(response.headers)
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"gunicorn stopped (exit {server.returncode})")
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer within {START_TIMEOUT} s")
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_no_server_banner():
    headers = headers_from_gunicorn("-c", "python:config.gunicorn_hardening")
    assert "Server" not in headers
    assert "Date" in headers


def test_the_banner_check_can_fail():
    assert headers_from_gunicorn()["Server"] == "gunicorn"
