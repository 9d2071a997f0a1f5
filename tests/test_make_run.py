"""`make run` on any PORT: every absolute address the site writes (sitemap,
canonical, hreflang, robots.txt, the open-data feeds, the admin's links and
the e-mails' WAGTAILADMIN_BASE_URL) names http://127.0.0.1:PORT/.

The first test runs `make run` itself (migrate, initial content, Site
address, runserver) on a database of its own, in its own process group."""

import os
import re
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest
import requests

from scripts.production_server import START_TIMEOUT, free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "make-run-password"  # noqa: S105
KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"


def run_environment(port, folder):
    """This process's environment without the test settings, the outer
    make's flags or any database; `make run` on ``port`` with a database and
    media in ``folder``."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE", "MAKE", "MFLAGS", "PORT"))
    }
    return {
        **environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "PORT": str(port),
    }


def absolute_urls(text):
    """Every http(s) address in ``text`` that names this machine."""
    return {
        unescape(url)
        for url in re.findall(r"https?://(?:127\.0\.0\.1|localhost)[^\s\"'<>]*", text)
    }


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    port = free_port()
    log = folder / "make-run.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own Makefile
            ["make", "--no-print-directory", "run"],  # noqa: S607
            cwd=ROOT,
            env=run_environment(port, folder),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"make run stopped:\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"make run did not answer:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(f"{base}/", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        yield base
    finally:
        stop_process_group(process)


@pytest.mark.stack
def test_make_run_writes_its_own_address_everywhere(make_run):
    base = make_run
    assert not base.endswith(":8000")
    sitemap = requests.get(f"{base}/sitemap.xml", timeout=30).text
    pages = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(pages) >= 15, sitemap
    robots = requests.get(f"{base}/robots.txt", timeout=30).text
    assert f"Sitemap: {base}/sitemap.xml" in robots
    page = requests.get(base + KASKADA, timeout=30).text
    assert f'<link rel="canonical" href="{base}{KASKADA}"' in page
    assert re.search(rf'hreflang="en" href="{re.escape(base)}/en/', page), page
    feeds = "".join(
        requests.get(f"{base}/api/{name}.json", timeout=30).text
        for name in ("partnerships", "organizations")
    )
    assert f'"{base}{KASKADA}"' in feeds

    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=30)
    session.post(
        f"{base}/admin/login/",
        {
            "username": "admin",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=30,
    )
    admin = session.get(f"{base}/admin/pages/search/?q=Kaskada", timeout=60)
    assert admin.url == f"{base}/admin/pages/search/?q=Kaskada", admin.url
    everything = [sitemap, robots, page, feeds, admin.text]
    urls = set().union(*(absolute_urls(text) for text in everything))
    wrong = sorted(url for url in urls if not url.startswith(base + "/"))
    assert wrong == []
    # The admin's "view live" links lead to the page at this address.
    live_links = re.findall(r'href="([^"]*marymont-kaskada/)"', admin.text)
    assert live_links, admin.text[:3000]
    assert all(link.startswith((base + "/", "/")) for link in live_links)


def test_the_development_settings_take_the_address_from_port():
    """E-mails link WAGTAILADMIN_BASE_URL; `make run` passes PORT to it."""
    read = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.WAGTAILADMIN_BASE_URL)"
    )
    for port, expected in (("8123", "http://127.0.0.1:8123"), (None, ":8000")):
        environ = {
            **{k: v for k, v in os.environ.items() if k != "PORT"},
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        }
        if port:
            environ["PORT"] = port
        printed = subprocess.run(  # noqa: S603 - our own settings
            [sys.executable, "-c", read],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert printed.endswith(expected), printed
