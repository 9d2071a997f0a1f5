"""What surrounds every page (menu, breadcrumbs, hreflang, the language
switcher, the sitemap) leaves out pages a view restriction covers, and every
address is routed as Wagtail routes it."""

import pytest
from wagtail.models import PageViewRestriction

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = factories.polish_site()
    english = factories.locale("en")
    factories.translate_page(site.home, english, "Library", slug="home-en")
    factories.translate_page(
        site.cooperation, english, "Cooperation", slug="cooperation"
    )
    return site


def restrict_english_cooperation(site):
    english = site.cooperation.get_translation(factories.locale("en"))
    PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.LOGIN
    )


def test_a_translated_section_shows_in_menu_hreflang_switcher_and_sitemap(client, site):
    polish = client.get("/wspolpraca/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://' in polish
    assert 'href="/en/cooperation/" lang="en"' in polish
    assert 'href="/en/cooperation/"' in client.get("/en/").content.decode()
    assert "/en/cooperation/" in client.get("/sitemap.xml").content.decode()


def test_a_restricted_translation_is_left_out_of_everything_around_it(client, site):
    restrict_english_cooperation(site)
    polish = client.get("/wspolpraca/").content.decode()
    assert 'hreflang="en"' not in polish.split("</head>")[0]
    # The switcher leads to the nearest page an anonymous visitor may see.
    assert 'href="/en/" lang="en"' in polish
    assert "not translated yet" in polish
    assert 'href="/en/cooperation/"' not in client.get("/en/").content.decode()
    assert "/en/cooperation/" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/en/cooperation/").status_code == 302  # to log in


def test_a_restricted_page_keeps_its_breadcrumbs_for_those_who_may_see_it(client, site):
    restrict_english_cooperation(site)
    client.force_login(factories.editor())
    english = client.get("/en/cooperation/").content.decode()
    assert '<nav class="breadcrumbs"' in english
    assert 'href="/en/">Home</a>' in english.split('class="breadcrumbs"')[1]
    assert 'href="/wspolpraca/" lang="pl"' in english


def test_addresses_route_as_wagtail_routes_them(client, site):
    assert (
        client.get("/wspolpraca/partnerstwa-lokalne/marymont-kaskada/").status_code
        == 200
    )
    assert client.get("/wspolpraca/nie-ma-takiej/").status_code == 404
    assert client.get("/wspolpraca/partnerstwa-lokalne/nie-ma/").status_code == 404
    # A page's address below another page is not its own.
    assert client.get("/partnerstwa-lokalne/").status_code == 404
    site.index.unpublish()
    assert client.get("/wspolpraca/partnerstwa-lokalne/").status_code == 404
