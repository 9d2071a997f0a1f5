"""The anonymous page cache (home/cache.py): what it keeps, for whom, and
that every change a visitor could see shows on the next request of each
page that shows it, in both languages."""

import gzip
import logging

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Site

from cooperation.models import PartnerOrganization
from home import cache as page_cache
from site_settings.models import FooterText, SiteSettings

from . import factories
from .test_production_settings import production_settings

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
    "/szukaj/?query=kaskada",
    "/en/search/?query=kaskada",
    f"{INDEX}?street=Mickiewicza",
    f"{DIRECTORY}?sector=school",
    f"{DIRECTORY}?partnership=marymont-kaskada",
    "/sitemap.xml",
    "/api/partnerships.json",
    "/api/organizations.json",
    "/robots.txt",
]


@pytest.fixture
def cached(settings):
    """The page cache on (the test settings switch it off), emptied."""
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


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


def hit(response):
    return response.get("X-Cache") == "hit"


def warm(client, urls):
    """Request each URL twice; the second must come from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert hit(client.get(url)), url


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
        assert not hit(first), url
        second = client.get(url)
        assert hit(second), url
        assert second.content == first.content, url
        for header in ("Content-Type", "ETag", "X-Frame-Options", "Content-Language"):
            assert second.get(header) == first.get(header), (url, header)
        # Browsers and a proxy in front revalidate: only the site keeps it.
        for response in (first, second):
            control = response["Cache-Control"].split(", ")
            assert {"max-age=0", "no-cache"} <= set(control), url
            assert not [word for word in control if word.startswith("max-age=")][1:]
            assert "Expires" not in response, url
        assert not second.cookies
    assert hit(client.head(KASKADA))
    # Another query is another page.
    assert not hit(client.get("/szukaj/?query=zatrasie"))


def test_never_for_a_librarian_a_long_query_a_post_or_an_error(client, cached, site):
    for url in (f"/szukaj/?query={'a' * 400}", "/nie-ma-takiej-strony/"):
        client.get(url)
        assert not hit(client.get(url)), url
    client.post(KASKADA)
    assert not hit(client.post(KASKADA))
    client.get("/admin/login/")  # sets the CSRF cookie: not kept
    client.cookies.clear()
    assert not hit(client.get("/admin/login/"))
    client.cookies.clear()
    # A librarian's page is never kept: an anonymous visitor after her
    # renders the page afresh, without her user bar.
    librarian = factories.editor()
    client.force_login(librarian)
    assert "wagtail-userbar" in client.get(DIRECTORY).content.decode()
    client.cookies.clear()
    response = client.get(DIRECTORY)
    assert not hit(response)
    assert "wagtail-userbar" not in response.content.decode()
    # Nor does she read what visitors get: she sees her user bar.
    warm(client, [KASKADA])
    client.force_login(librarian)
    response = client.get(KASKADA)
    assert not hit(response)
    assert "wagtail-userbar" in response.content.decode()
    client.cookies.clear()
    client.cookies["csrftoken"] = "x" * 32
    assert not hit(client.get(KASKADA))


def test_a_response_that_is_private_or_has_a_nonce_is_not_kept():
    assert page_cache.keepable(HttpResponse("page"))
    for name, value in [
        ("Cache-Control", "private"),
        ("Cache-Control", "no-store"),
        ("Content-Security-Policy", "script-src 'nonce-abc'"),
    ]:
        response = HttpResponse("page")
        response[name] = value
        assert not page_cache.keepable(response), value
    response = HttpResponse("page")
    response.set_cookie("sessionid", "x")
    assert not page_cache.keepable(response)
    assert not page_cache.keepable(HttpResponse(status=404))


def test_a_page_rendered_before_a_clear_is_not_kept(cached, site):
    """A request that began (and read the old rows) before a change clears
    the cache does not keep what it rendered after the clear."""
    request = RequestFactory().get(KASKADA)
    fetch = page_cache.FetchFromCacheMiddleware(lambda request: None)
    update = page_cache.UpdateCacheMiddleware(lambda request: None)
    assert fetch.process_request(request) is None  # a miss
    page_cache.clear()
    update.process_response(request, HttpResponse("the old page"))
    later = RequestFactory().get(KASKADA)
    assert fetch.process_request(later) is None
    update.process_response(later, HttpResponse("the new page"))
    again = fetch.process_request(RequestFactory().get(KASKADA))
    assert again.content == b"the new page"


def test_switched_off_with_zero_seconds(client, cached, site, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    client.get(KASKADA)
    response = client.get(KASKADA)
    assert not hit(response)
    assert "Cache-Control" not in response


def test_a_cache_that_does_not_answer_serves_pages_uncached(
    client, site, settings, caplog
):
    """Redis down: every page is served (not a 500), a publish works, and
    each failure is logged."""
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "home.resilient_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        },
    }
    with caplog.at_level(logging.WARNING, logger="home.cache"):
        for url in (KASKADA, KASKADA_EN, "/szukaj/?query=kaskada"):
            assert client.get(url).status_code == 200, url
        page = site.partnerships["marymont-kaskada"]
        page.title = "Partnerstwo „Marymont-Kaskada” (nowe)"
        page.save_revision().publish()
        assert shows(client, KASKADA, "(nowe)")
    assert "Cache unavailable" in caplog.text
    assert "Page cache not cleared" in caplog.text


def test_conditional_get_and_gzip(client, cached, site, settings):
    for seconds in (600, 0):
        settings.CACHE_MIDDLEWARE_SECONDS = seconds
        for _ in range(2):  # a miss, then (cache on) a hit
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


def test_the_pages_cache_has_a_database_or_folder_of_its_own():
    """Clearing it (FLUSHDB on Redis) never touches the "default" cache."""
    values, error = production_settings(REDIS_URL="redis://cache.example.pl:6379/2")
    assert not error
    assert values["CACHES"]["pages"]["LOCATION"] == "redis://cache.example.pl:6379/3"
    values, error = production_settings(
        REDIS_URL="redis://cache.example.pl:6379",
        DJANGO_PAGE_CACHE_URL="redis://pages.example.pl:6379/0",
    )
    assert values["CACHES"]["pages"]["LOCATION"] == "redis://pages.example.pl:6379/0"
    values, error = production_settings(
        REDIS_URL="redis://cache.example.pl:6379/0",
        DJANGO_PAGE_CACHE_URL="redis://cache.example.pl:6379/0",
    )
    assert "DJANGO_PAGE_CACHE_URL" in error
    values, error = production_settings()
    pages, default = values["CACHES"]["pages"], values["CACHES"]["default"]
    assert pages["BACKEND"].endswith("FileBasedCache")
    assert pages["LOCATION"] == f"{default['LOCATION']}/pages"


# Each change, and the next anonymous request of every page that shows it,
# in each language.


def test_publishing_an_edit_shows_everywhere(client, cached, site):
    urls = [KASKADA, INDEX, DIRECTORY, "/sitemap.xml", "/api/partnerships.json"]
    search = ["/szukaj/?query=kaskada", f"{DIRECTORY}?partnership=marymont-kaskada"]
    warm(client, urls + search + [KASKADA_EN, INDEX_EN, DIRECTORY_EN])
    page = site.partnerships["marymont-kaskada"]
    page.title = "Partnerstwo „Marymont-Kaskada-Nowa”"
    page.slug = "marymont-kaskada-nowa"
    page.save_revision().publish()
    new_url = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada-nowa/"
    assert shows(client, new_url, "Marymont-Kaskada-Nowa")
    assert client.get(KASKADA).status_code == 404
    for url in (INDEX, DIRECTORY, "/api/partnerships.json", *search):
        assert shows(client, url, "Marymont-Kaskada-Nowa"), url
    assert shows(client, "/sitemap.xml", new_url)
    # The English page's language switcher and hreflang lead to the new address.
    assert shows(client, KASKADA_EN, new_url)
    warm(client, [KASKADA_EN, INDEX_EN, DIRECTORY_EN])
    english = page.get_translation(factories.locale("en"))
    english.title = "Marymont-Kaskada-New Partnership"
    english.save_revision().publish()
    for url in (KASKADA_EN, INDEX_EN, DIRECTORY_EN):
        assert shows(client, url, "Marymont-Kaskada-New"), url


def test_a_saved_draft_or_a_new_rendition_keeps_the_page(client, cached, site):
    image = factories.logo_image()
    # An image records its file's size and hash the first time it is shown.
    type(image).objects.filter(pk=image.pk).update(file_size=None, file_hash="")
    image.refresh_from_db()
    warm(client, [KASKADA])
    page = site.partnerships["marymont-kaskada"]
    page.title = "Szkic"
    page.save_revision()
    image.get_rendition("fill-40x40")  # as a page makes one when it renders
    image.get_file_size()
    image.get_file_hash()
    assert type(image).objects.get(pk=image.pk).file_size  # it was recorded
    response = client.get(KASKADA)
    assert hit(response)
    assert "Szkic" not in response.content.decode()


def test_unpublishing_and_deleting_remove_everywhere(client, cached, site):
    warm(client, [INDEX, INDEX_EN, DIRECTORY, "/sitemap.xml", "/api/partnerships.json"])
    page = site.partnerships["sady-zoliborskie"]
    page.unpublish()
    address = "/wspolpraca/partnerstwa-lokalne/sady-zoliborskie/"
    assert client.get(address).status_code == 404
    for url in (INDEX, "/sitemap.xml", "/api/partnerships.json"):
        assert not shows(client, url, "sady-zoliborskie"), url
    warm(client, [INDEX, INDEX_EN])
    site.partnerships["dla-rudawki-i-zatrasia"].delete()
    assert not shows(client, INDEX, "Rudawki")
    address = "/wspolpraca/partnerstwa-lokalne/dla-rudawki-i-zatrasia/"
    assert client.get(address).status_code == 404


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
    warm(client, [KASKADA_EN, DIRECTORY_EN])
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


def test_a_change_clears_again_when_it_commits(
    client, cached, site, django_capture_on_commit_callbacks
):
    """What was kept while the change was being written is gone after it."""
    page = site.partnerships["marymont-kaskada"]
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Partnerstwo „Marymont-Kaskada” (nowe)"
        page.save_revision().publish()
        warm(client, [INDEX])
    assert not hit(client.get(INDEX))
