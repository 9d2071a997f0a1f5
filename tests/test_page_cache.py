"""The anonymous page cache (home/page_cache.py): what it keeps, for whom,
and that every change a visitor could see purges it, in both languages."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cooperation.models import PartnerOrganization
from site_settings.models import FooterText, SiteSettings

from . import factories

pytestmark = pytest.mark.django_db

KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
KASKADA_EN = "/en/cooperation/local-partnerships/marymont-kaskada/"
INDEX = "/wspolpraca/partnerstwa-lokalne/"
INDEX_EN = "/en/cooperation/local-partnerships/"
DIRECTORY = "/wspolpraca/z-kim-wspolpracujemy/"
DIRECTORY_EN = "/en/cooperation/who-we-work-with/"
EVERY_URL = [
    "/",
    "/wspolpraca/",
    INDEX,
    KASKADA,
    DIRECTORY,
    "/en/",
    "/en/cooperation/",
    INDEX_EN,
    KASKADA_EN,
    DIRECTORY_EN,
    "/szukaj/",
    "/en/search/",
    "/sitemap.xml",
    "/api/partnerships.json",
    "/api/organizations.json",
    "/robots.txt",
]


@pytest.fixture
def cached(settings):
    """The page cache on, in a cache of this test's own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests",
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(site_tree):
    """The factory site with the cooperation section, the index, the
    directory, the organisations and Marymont-Kaskada also in English."""
    english = factories.locale("en")
    factories.translate_organizations(english)
    for page, title, slug in [
        (site_tree.home, "Public Library in Żoliborz", "home-en"),
        (site_tree.cooperation, "Cooperation", "cooperation"),
        (site_tree.index, "Local partnerships", "local-partnerships"),
        (site_tree.directory, "Who we work with", "who-we-work-with"),
    ]:
        factories.translate_page(page, english, title, slug=slug)
    kaskada = site_tree.partnerships["marymont-kaskada"]
    factories.translate_page(kaskada, english, "Marymont-Kaskada Partnership")
    return site_tree


def warm(client, urls):
    """Request each URL twice; the second must come from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url


def shows(client, url, text):
    response = client.get(url)
    assert response.status_code == 200, url
    return text in response.content.decode()


def test_an_anonymous_visitor_gets_the_kept_response_with_every_header(
    client, cached, site
):
    for url in EVERY_URL:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Page-Cache"] == "miss", url
        second = client.get(url)
        assert second["X-Page-Cache"] == "hit", url
        assert second.content == first.content
        for header in ("Content-Type", "ETag", "X-Frame-Options", "Content-Language"):
            assert second.get(header) == first.get(header), (url, header)
        assert not second.cookies
    head = client.head(KASKADA)
    assert head["X-Page-Cache"] == "hit"


def test_never_for_a_librarian_an_unknown_query_a_post_or_an_error(
    client, cached, site
):
    warm(client, [KASKADA])
    for url in (
        f"{KASKADA}?x=1",  # a page that knows no parameter
        "/?query=kaskada",  # nor does the home page
        f"{INDEX}?street=Mickiewicza&utm_source=newsletter",
        "/szukaj/?query=kaskada&query=zatrasie",  # a parameter twice
        f"/szukaj/?query={'a' * 400}",  # longer than any visitor's query
    ):
        assert "X-Page-Cache" not in client.get(url), url
        assert "X-Page-Cache" not in client.get(url), url
    assert "X-Page-Cache" not in client.get("/nie-ma-takiej-strony/")
    assert "X-Page-Cache" not in client.post(KASKADA)
    assert "X-Page-Cache" not in client.get("/admin/login/")
    client.force_login(factories.editor())
    response = client.get(KASKADA)
    assert "X-Page-Cache" not in response
    # A librarian sees the user bar, which the kept page has not.
    assert "wagtail-userbar" in response.content.decode()
    client.cookies.clear()
    assert "wagtail-userbar" not in client.get(KASKADA).content.decode()
    client.cookies["csrftoken"] = "x" * 32
    assert "X-Page-Cache" not in client.get(KASKADA)


def test_a_query_the_page_knows_is_kept_for_that_query_and_purged(client, cached, site):
    """Search, the street finder and the directory's filters say which
    parameters they answer: each query is kept on its own, never mixed with
    another, and shows a publish at once like every page."""
    known = [
        "/szukaj/?query=kaskada",
        "/szukaj/?query=kaskada&page=1",
        "/en/search/?query=kaskada",
        f"{INDEX}?street=Mickiewicza",
        f"{DIRECTORY}?sector=school",
        f"{DIRECTORY}?partnership=marymont-kaskada",
    ]
    for url in known:
        first = client.get(url)
        assert first["X-Page-Cache"] == "miss", url
        second = client.get(url)
        assert second["X-Page-Cache"] == "hit", url
        assert second.content == first.content, url
    # The same query in another order is the same page; another query is not.
    assert client.get("/szukaj/?page=1&query=kaskada")["X-Page-Cache"] == "hit"
    other = client.get("/szukaj/?query=zatrasie")
    assert other["X-Page-Cache"] == "miss"
    assert other.content != client.get("/szukaj/?query=kaskada").content
    page = site.partnerships["marymont-kaskada"]
    page.title = "Partnerstwo „Marymont-Kaskada” (nowe)"
    page.save_revision().publish()
    for url in ("/szukaj/?query=kaskada", f"{DIRECTORY}?partnership=marymont-kaskada"):
        assert shows(client, url, "(nowe)"), url


def test_a_proxy_never_keeps_a_query(client, cached, site, settings):
    """A proxy's purge names addresses, not each of their queries: a query's
    answer says nothing a shared cache may keep it by."""
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    assert "s-maxage" in client.get(INDEX)["Cache-Control"]
    response = client.get(f"{INDEX}?street=Mickiewicza")
    assert response["X-Page-Cache"] == "miss"
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert "max-age" not in response.get("Cache-Control", "")


def test_switched_off_with_zero_seconds(client, cached, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(KASKADA)
    assert "X-Page-Cache" not in client.get(KASKADA)


def test_conditional_get_and_gzip(client, cached, site, settings):
    for seconds in (600, 0):
        settings.PAGE_CACHE_SECONDS = seconds
        response = client.get(KASKADA, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        assert "Marymont-Kaskada" in html
        assert len(response.content) < len(html.encode()) / 2
        etag = response["ETag"]
        again = client.get(
            KASKADA, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag
        )
        assert again.status_code == 304
        plain = client.get(KASKADA, HTTP_IF_NONE_MATCH=etag)
        assert plain.status_code == 304
        changed = client.get(KASKADA, HTTP_IF_NONE_MATCH='"something-else"')
        assert changed.status_code == 200
        assert "Content-Encoding" not in changed


# Purge rules: each change, and the next anonymous request of every page
# that shows it, in each language.


def test_publishing_an_edit_shows_everywhere(client, cached, site):
    urls = [KASKADA, INDEX, DIRECTORY, "/sitemap.xml", "/api/partnerships.json"]
    warm(client, urls + [KASKADA_EN, INDEX_EN, DIRECTORY_EN])
    page = site.partnerships["marymont-kaskada"]
    page.title = "Partnerstwo „Marymont-Kaskada-Nowa”"
    page.slug = "marymont-kaskada-nowa"
    page.save_revision().publish()
    new_url = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada-nowa/"
    assert shows(client, new_url, "Marymont-Kaskada-Nowa")
    assert client.get(KASKADA).status_code == 404
    for url in (INDEX, DIRECTORY, "/api/partnerships.json"):
        assert shows(client, url, "Marymont-Kaskada-Nowa"), url
    assert shows(client, "/sitemap.xml", new_url)
    # The English page's language switcher and hreflang lead to the new address.
    assert shows(client, KASKADA_EN, new_url)
    english = page.get_translation(factories.locale("en"))
    english.title = "Marymont-Kaskada-New Partnership"
    english.save_revision().publish()
    for url in (KASKADA_EN, INDEX_EN, DIRECTORY_EN):
        assert shows(client, url, "Marymont-Kaskada-New"), url


def test_unpublishing_and_deleting_remove_everywhere(client, cached, site):
    warm(client, [INDEX, INDEX_EN, DIRECTORY, "/sitemap.xml", "/api/partnerships.json"])
    page = site.partnerships["sady-zoliborskie"]
    page.unpublish()
    assert (
        client.get(
            page.url or "/wspolpraca/partnerstwa-lokalne/sady-zoliborskie/"
        ).status_code
        == 404
    )
    for url in (INDEX, "/sitemap.xml", "/api/partnerships.json"):
        assert not shows(client, url, "sady-zoliborskie"), url
    warm(client, [INDEX, INDEX_EN])
    site.partnerships["dla-rudawki-i-zatrasia"].delete()
    assert not shows(client, INDEX, "Rudawki")
    assert (
        client.get(
            "/wspolpraca/partnerstwa-lokalne/dla-rudawki-i-zatrasia/"
        ).status_code
        == 404
    )


def test_moving_a_page_shows_everywhere(client, cached, site):
    warm(client, ["/wspolpraca/", "/en/cooperation/"])
    before = client.get("/wspolpraca/").content.decode()
    assert before.index("Partnerstwa") < before.index("Z kim współpracujemy")
    site.directory.move(site.cooperation, pos="first-child")
    after = client.get("/wspolpraca/").content.decode()
    assert after.index("Z kim współpracujemy") < after.index("Partnerstwa")


def test_translating_a_page_shows_in_both_languages(client, cached, site):
    statement = "/deklaracja-dostepnosci/"
    warm(client, [statement, "/en/"])
    assert not shows(client, statement, 'rel="alternate" hreflang="en"')
    factories.translate_page(
        site.statement, factories.locale("en"), "Accessibility statement"
    )
    assert shows(client, statement, 'rel="alternate" hreflang="en"')
    assert shows(client, "/en/", "Accessibility statement")


def test_an_organisation_change_shows_everywhere(client, cached, site):
    warm(
        client,
        [KASKADA, DIRECTORY, KASKADA_EN, DIRECTORY_EN, "/api/organizations.json"],
    )
    organisation = site.organizations["sosw-9"]
    organisation.name = "Specjalny Ośrodek Szkolno-Wychowawczy nr 9 im. Nowa"
    organisation.save_revision().publish()
    for url in (KASKADA, DIRECTORY, "/api/organizations.json"):
        assert shows(client, url, "im. Nowa"), url
    english = PartnerOrganization.objects.get(
        translation_key=organisation.translation_key, locale__language_code="en"
    )
    english.name = "Special School No 9 (New)"
    english.save()
    for url in (KASKADA_EN, DIRECTORY_EN):
        assert shows(client, url, "Special School No 9 (New)"), url


def test_a_setting_or_the_footer_shows_on_every_page(client, cached, site):
    urls = ["/", KASKADA, DIRECTORY, "/en/", KASKADA_EN, "/szukaj/", "/en/search/"]
    warm(client, urls)
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.phone = "22 123 45 67"
    settings_row.save()
    for url in urls:
        assert shows(client, url, "22 123 45 67"), url
    warm(client, urls)
    footer = FooterText.objects.get(locale__language_code="pl")
    footer.library_name = "Biblioteka na Żoliborzu (nowa nazwa)"
    footer.save()
    for url in urls:
        assert shows(client, url, "(nowa nazwa)"), url


def test_a_proxy_in_front_is_purged_of_every_page_it_may_keep(
    client, cached, site, settings, django_capture_on_commit_callbacks
):
    """With DJANGO_FRONTEND_CACHE_URL (README: Varnish), every purge also
    sends PURGE for each address to the proxy: here a plain HTTP server that
    records them, to check every address is there (tests/test_varnish.py
    runs config/varnish/default.vcl in a real varnishd)."""
    received = []

    class Proxy(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        response = client.get(KASKADA)
        assert "s-maxage=600" in response["Cache-Control"]
        page = site.partnerships["marymont-kaskada"]
        with django_capture_on_commit_callbacks(execute=True):
            page.title = "Partnerstwo „Marymont-Kaskada” (nowe)"
            page.save_revision().publish()
    finally:
        server.shutdown()
        server.server_close()
    paths = {path for _host, path in received}
    for url in [*EVERY_URL, "/deklaracja-dostepnosci/", "/polityka-prywatnosci/"]:
        assert url in paths, url
    assert {host for host, _path in received} == {"localhost"}
