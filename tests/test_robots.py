"""/robots.txt names the sitemap at the Site record's address and keeps
crawlers out of the admin and the search results."""

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemap_of_the_site_address(client, site_tree):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "biblioteka.example.org", 443
    site.save()
    response = client.get("/robots.txt", HTTP_HOST="biblioteka.example.org")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /szukaj/" in lines
    assert "Disallow: /en/search/" in lines
    assert lines[-1] == "Sitemap: https://biblioteka.example.org/sitemap.xml"
    assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_answers_the_english_visitor_the_same(client, site_tree):
    polish = client.get("/robots.txt").content
    client.cookies["django_language"] = "en"
    assert client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="en").content == polish
    assert client.post("/robots.txt").status_code == 405
