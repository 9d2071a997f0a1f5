"""home.chrome.run_prepared: a query compiled once and run with each call's
values answers exactly what the query built afresh answers, and a query it
cannot be sure of is built afresh every time."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from home import chrome

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_prepared():
    chrome._prepared.clear()
    yield
    chrome._prepared.clear()


def test_the_site_is_chosen_by_host_and_port_as_wagtail_chooses_it(site_tree):
    """The site lookup's CASE compares the port, an integer column: its
    stand-in must survive compilation on PostgreSQL's 32-bit integers."""
    root = Page.objects.get(depth=1)
    default = Site.objects.get(is_default_site=True)
    default.hostname, default.port = "biblioteka.example.pl", 443
    default.save()
    other = Site.objects.create(
        hostname="biblioteka.example.pl", port=8443, root_page=root
    )
    factory = RequestFactory()
    for host, port, expected in [
        ("biblioteka.example.pl", "8443", other),
        ("biblioteka.example.pl", "443", default),
        ("biblioteka.example.pl", "8443", other),
        ("elsewhere.example.org", "8443", default),
    ]:
        wagtail = Site.find_for_request(
            factory.get("/", HTTP_HOST=host, SERVER_PORT=port)
        )
        request = factory.get("/", HTTP_HOST=host, SERVER_PORT=port)
        assert chrome.find_site(request) == wagtail == expected, (host, port)
    assert chrome._prepared[("site",)] is not chrome._NOT_PREPARABLE


def test_a_value_missing_from_the_compiled_sql_is_never_prepared(site_tree):
    """A value that does not come out as a parameter (ignored here; out of a
    column's range or an empty IN elsewhere) would be answered without: such
    a query is built afresh on every call."""
    Site.objects.create(hostname="a.example.org", port=80, root_page_id=1)

    def build(hostname):
        return Site.objects.filter(port=80).order_by("hostname")

    found = chrome.run_prepared(("ignored",), build, hostname="x")
    assert chrome._prepared[("ignored",)] is chrome._NOT_PREPARABLE
    assert found == list(build(hostname="x"))


def test_prepared_and_fresh_queries_answer_the_same(site_tree):
    def build(language, pk):
        return Page.objects.filter(locale__language_code=language).exclude(pk=pk)

    for language, pk in [("pl", 1), ("pl", 3), ("en", 1), ("pl", 99)]:
        prepared = chrome.run_prepared(("same",), build, language=language, pk=pk)
        assert [page.pk for page in prepared] == [
            page.pk for page in build(language, pk)
        ]
    assert chrome._prepared[("same",)] is not chrome._NOT_PREPARABLE


def test_every_query_the_pages_prepare_is_prepared(client, site_tree):
    """On SQLite and on PostgreSQL alike (psycopg 3 types its integer
    parameters): a shape that silently fell back would cost the CPU it was
    meant to save."""
    for url in [
        "/",
        "/wspolpraca/",
        "/wspolpraca/partnerstwa-lokalne/",
        "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/",
        "/wspolpraca/z-kim-wspolpracujemy/",
        "/szukaj/?query=kaskada",
        "/sitemap.xml",
    ]:
        assert client.get(url).status_code == 200, url
    fallen_back = [
        shape
        for shape, prepared in chrome._prepared.items()
        if prepared is chrome._NOT_PREPARABLE
    ]
    assert len(chrome._prepared) >= 8, chrome._prepared
    assert not fallen_back
