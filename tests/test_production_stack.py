"""`make serve` for real: scripts/serve.sh (migrate, collectstatic, initial
content, Site address, gunicorn) started as a separate process with the
production settings (scripts/production_server.py's ServeProcess, which
tests/test_varnish.py also uses), spoken to over HTTP.

- One server on SQLite with media on local disk: every public page of the
  sitemap, every image on them and the static files answer 200, with no DEBUG.
- Two servers on two ports sharing one PostgreSQL, one Redis and one S3 bucket
  (moto): an image uploaded and a page published through one are served by
  the other at once, and a page one kept in the page cache the other serves.
  Needs TEST_POSTGRES_URL, TEST_REDIS_URL and TEST_S3_ENDPOINT_URL (`make test`
  starts the services: scripts/services.sh); skipped without them, except in
  CI, where a missing service is a failure.
"""

import json
import os
import re
import uuid
from html import unescape
from urllib.parse import urlsplit

import pytest
import requests

from scripts.production_server import ServeProcess as Server
from scripts.production_server import admin_session, free_port, serve_env

from .factories import PASSWORD, partnership_form_data, png_bytes

pytestmark = pytest.mark.stack


def image_sources(html):
    return set(re.findall(r'<img[^>]+src="([^"]+)"', html)) | {
        source.split()[0]
        for srcset in re.findall(r'srcset="([^"]+)"', html)
        for source in srcset.split(",")
    }


def absolute(server, url):
    url = unescape(url)
    return url if urlsplit(url).scheme else server.url + url


def test_make_serve_serves_every_page_and_image_without_debug(tmp_path):
    port = free_port()
    environ = serve_env(
        port,
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    server = Server(tmp_path, port, environ)
    try:
        server.wait()
        sitemap = requests.get(f"{server.url}/sitemap.xml", timeout=30).text
        pages = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
        pages |= set(re.findall(r'hreflang="[a-z]+" href="([^"]+)"', sitemap))
        assert len(pages) >= 15, sitemap
        assets = set()
        for url in sorted(pages):
            # The Site record follows WAGTAILADMIN_BASE_URL: no localhost.
            assert url.startswith(server.url + "/"), url
            response = requests.get(url, timeout=30)
            assert response.status_code == 200, url
            assets |= {absolute(server, src) for src in image_sources(response.text)}
            assets |= {
                absolute(server, href)
                for href in re.findall(r'href="(/static/[^"]+)"', response.text)
            }
        logos = [url for url in assets if "/media/images/" in url]
        assert len(logos) >= 4, assets
        for url in sorted(assets):
            assert requests.get(url, timeout=30).status_code == 200, url
        missing = requests.get(f"{server.url}/nie-ma-takiej-strony/", timeout=30)
        assert missing.status_code == 404
        assert "Traceback" not in missing.text and "DEBUG" not in missing.text
        # A host that is not the site's is refused (ALLOWED_HOSTS from the
        # public address), the health check answers.
        other = requests.get(server.url, headers={"Host": "evil.example"}, timeout=30)
        assert other.status_code == 400
        assert requests.get(f"{server.url}/healthz", timeout=30).json() == {
            "status": "ok",
            "database": "ok",
        }
        ready = requests.get(f"{server.url}/readyz", timeout=30)
        assert ready.status_code == 200, ready.text
        assert set(ready.json().values()) == {"ok"}
        assert_no_worker_serves_a_stale_page(server)
    finally:
        server.stop()


PUBLISH_NEW_TITLE = """
from cooperation.models import PartnershipIndexPage
page = PartnershipIndexPage.objects.get(locale__language_code="pl")
page.title = "Partnerstwa lokalne {marker}"
page.save_revision().publish()
print(page.url)
"""


def assert_no_worker_serves_a_stale_page(server):
    """A page every worker may have kept, then published from another
    process (a command, as another worker would be): each of the next
    requests, whichever of the two workers answers it, shows the change."""
    marker = uuid.uuid4().hex[:8]
    url = server.manage("shell", "-c", PUBLISH_NEW_TITLE.format(marker=marker))
    url = server.url + url.stdout.strip().splitlines()[-1]
    answers = [requests.get(url, timeout=30) for _ in range(12)]
    stale = [n for n, answer in enumerate(answers) if marker not in answer.text]
    assert not stale, f"requests {stale} of {url} served the page kept before"
    # Kept once, in files both workers share: every later answer is a hit.
    assert [answer.headers.get("X-Cache") for answer in answers[1:]] == ["hit"] * 11


# Two servers, one state ---------------------------------------------------

SERVICES = ("TEST_POSTGRES_URL", "TEST_REDIS_URL", "TEST_S3_ENDPOINT_URL")


@pytest.fixture
def shared_services():
    """A new PostgreSQL database, a new bucket (publicly readable, as the
    README asks) and a Redis key prefix of its own; removed afterwards."""
    missing = [name for name in SERVICES if not os.environ.get(name)]
    if missing:
        reason = (
            f"{', '.join(missing)} not set: PostgreSQL, Redis and an S3 server are "
            "needed (scripts/services.sh starts them; make test does)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    import boto3
    import psycopg

    name = f"stack_{uuid.uuid4().hex[:10]}"
    admin_url = os.environ["TEST_POSTGRES_URL"]
    admin_url = admin_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    keys = {"aws_access_key_id": "stack", "aws_secret_access_key": "stack-secret"}
    s3 = boto3.client(
        "s3",
        endpoint_url=os.environ["TEST_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        **keys,
    )
    bucket = name.replace("_", "-")
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_policy(
        Bucket=bucket,
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{bucket}/*",
                    }
                ],
            }
        ),
    )
    yield {
        # The same secret on every server: sessions and signed values.
        "DJANGO_SECRET_KEY": f"stack-{uuid.uuid4().hex}{uuid.uuid4().hex}",
        "DATABASE_URL": os.environ["TEST_POSTGRES_URL"].rsplit("/", 1)[0] + f"/{name}",
        "REDIS_URL": os.environ["TEST_REDIS_URL"],
        "DJANGO_CACHE_PREFIX": name,
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": os.environ["TEST_S3_ENDPOINT_URL"],
        "AWS_ACCESS_KEY_ID": keys["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": keys["aws_secret_access_key"],
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    objects = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    for item in objects:
        s3.delete_object(Bucket=bucket, Key=item["Key"])
    s3.delete_bucket(Bucket=bucket)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def log_in(session, server, username):
    admin_session(server.url, username, PASSWORD, session=session, timeout=30)


def post_form(session, url, data, files=None):
    data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(url, data=data, files=files, timeout=60)


def query(database_url, sql, *params):
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql, params).fetchall()


def test_two_servers_share_pages_images_and_cache(tmp_path, shared_services):
    first_port, second_port = free_port(), free_port()
    first = Server(
        tmp_path, first_port, serve_env(first_port, tmp_path, **shared_services)
    )
    second = None
    try:
        first.wait()
        # The second server starts on the migrated, seeded database.
        second = Server(
            tmp_path,
            second_port,
            serve_env(second_port, tmp_path, **shared_services),
        ).wait()
        first.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            "get_user_model().objects.create_superuser("
            f"'kierownik', 'it@example.pl', {PASSWORD!r})",
        )
        index_url = "/wspolpraca/partnerstwa-lokalne/"
        # The second server has rendered and kept the index, in the page
        # cache both servers share: the first answers from it, asked for the
        # same address (as both are, behind one public address).
        before = requests.get(second.url + index_url, timeout=30)
        assert before.status_code == 200
        assert "Stary Żoliborz" not in before.text
        same_address = {"Host": urlsplit(second.url).netloc}
        shared = requests.get(first.url + index_url, headers=same_address, timeout=30)
        assert shared.headers.get("X-Cache") == "hit"
        assert shared.text == before.text

        # Upload an image through the first server.
        session = requests.Session()
        log_in(session, first, "kierownik")
        logo = png_bytes()
        upload = post_form(
            session,
            f"{first.url}/admin/images/add/",
            {"title": "Logo Starego Żoliborza", "collection": "1", "tags": ""},
            files={"file": ("logo-stary.png", logo, "image/png")},
        )
        assert upload.status_code == 200 and upload.url.endswith("/admin/images/")
        database = shared_services["DATABASE_URL"]
        ((image_id, image_file),) = query(
            database,
            "SELECT id, file FROM wagtailimages_image WHERE title = %s",
            "Logo Starego Żoliborza",
        )
        # The second server shows it in its admin (the login session is
        # shared too) and its file comes from the shared bucket.
        listing = session.get(f"{second.url}/admin/images/{image_id}/", timeout=30)
        assert listing.url.endswith(f"/admin/images/{image_id}/"), listing.url
        assert "Logo Starego Żoliborza" in listing.text
        bucket_url = (
            f"{shared_services['AWS_S3_ENDPOINT_URL']}/"
            f"{shared_services['AWS_STORAGE_BUCKET_NAME']}/{image_file}"
        )
        assert requests.get(bucket_url, timeout=30).content == logo

        # Publish a partnership with that logo through the first server.
        ((index_id,),) = query(
            database,
            "SELECT id FROM wagtailcore_page WHERE url_path = %s",
            "/home/wspolpraca/partnerstwa-lokalne/",
        )
        ((organization_id,),) = query(
            database,
            "SELECT id FROM cooperation_partnerorganization ORDER BY id LIMIT 1",
        )

        class Ref:  # what partnership_form_data reads from model instances
            def __init__(self, pk):
                self.pk = pk

        data = partnership_form_data(
            logo=Ref(image_id),
            organizations=[Ref(organization_id)],
            action="action-publish",
        )
        published = post_form(
            session,
            f"{first.url}/admin/pages/add/cooperation/partnershippage/{index_id}/",
            data,
        )
        assert published.status_code == 200, published.text[:500]
        assert query(
            database,
            "SELECT live FROM wagtailcore_page WHERE slug = %s",
            "stary-zoliborz",
        ) == [(True,)]

        # At once on the second server: the new page, its logo rendition
        # (made by the second server, stored in the bucket), the index.
        page = requests.get(f"{second.url}{index_url}stary-zoliborz/", timeout=30)
        assert page.status_code == 200
        assert "Stary Żoliborz" in page.text
        logos = [src for src in image_sources(page.text) if "logo-stary" in src]
        assert logos, image_sources(page.text)
        for src in logos:
            assert src.startswith(shared_services["AWS_S3_ENDPOINT_URL"]), src
            assert requests.get(unescape(src), timeout=30).status_code == 200
        after = requests.get(second.url + index_url, timeout=30)
        assert "Stary Żoliborz" in after.text
        assert "X-Cache" not in after.headers

        # Both servers keep their cache in the one Redis, under the prefix,
        # and their pages in the next database (cleared whole by a publish).
        import redis

        prefix = shared_services["DJANGO_CACHE_PREFIX"]
        server_url = shared_services["REDIS_URL"].rsplit("/", 1)[0]
        default, pages = (
            {
                key.split(b":")[-1]
                for key in redis.Redis.from_url(url).scan_iter(f"{prefix}:*")
            }
            for url in (f"{server_url}/0", f"{server_url}/1")
        )
        assert default and not any(b"cache_page" in key for key in default)
        assert any(b"cache_page" in key for key in pages)
        for server in (first, second):
            ready = requests.get(f"{server.url}/readyz", timeout=30).json()
            assert ready == {
                "status": "ok",
                "database": "ok",
                "cache": "ok",
                "page_cache": "ok",
                "media": "ok",
            }
    finally:
        first.stop()
        if second is not None:
            second.stop()
