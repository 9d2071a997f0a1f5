"""What search engines and link previews read: JSON-LD on every page type
(parsed by extruct, as crawlers parse it), the meta description and the
OpenGraph / Twitter card tags."""

import extruct
import pytest
from django.test import Client

from cooperation.models import PartnershipPage
from home.structured_data import as_script, description_for
from site_settings.models import SiteSettings

from . import factories

pytestmark = pytest.mark.django_db

KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
EVERY_PAGE_TYPE = {
    "/": "HomePage",
    "/wspolpraca/": "CooperationPage",
    "/wspolpraca/partnerstwa-lokalne/": "PartnershipIndexPage",
    KASKADA: "PartnershipPage",
    "/wspolpraca/z-kim-wspolpracujemy/": "PartnerDirectoryPage",
    "/deklaracja-dostepnosci/": "AccessibilityStatementPage",
    "/polityka-prywatnosci/": "StandardPage",
}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html, extruct.extract(
        html,
        base_url=f"http://testserver{url}",
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )


def of_type(data, kind):
    return [item for item in data["json-ld"] if item.get("@type") == kind]


@pytest.fixture
def site(site_tree):
    contact = SiteSettings.for_site(site_tree.home.get_site())
    contact.street_address = "ul. Słowackiego 19"
    contact.postal_code = "01-592"
    contact.email = "biblioteka@example.invalid"
    contact.phone = "+48 22 839 00 00"
    contact.facebook_url = "https://facebook.example/biblioteka"
    contact.save()
    return site_tree


def test_every_page_type_has_json_ld_that_parses_with_breadcrumbs(client, site):
    for url in EVERY_PAGE_TYPE:
        html, data = read(client, url)
        assert data["json-ld"], url
        for item in data["json-ld"]:
            assert item["@context"] in ("https://schema.org", "http://schema.org")
        if url == "/":
            assert not of_type(data, "BreadcrumbList")
            continue
        (crumbs,) = of_type(data, "BreadcrumbList")
        elements = crumbs["itemListElement"]
        assert [e["position"] for e in elements] == list(range(1, len(elements) + 1))
        assert elements[0]["item"] == "http://localhost/"
        assert elements[-1]["item"].endswith(url)


def test_the_home_page_describes_the_library(client, site):
    _html, data = read(client, "/")
    (library,) = of_type(data, "Library")
    assert library["address"]["streetAddress"] == "ul. Słowackiego 19"
    assert library["address"]["postalCode"] == "01-592"
    assert library["contactPoint"]["email"] == "biblioteka@example.invalid"
    assert library["sameAs"] == ["https://facebook.example/biblioteka"]


def test_a_partnership_is_an_organization_with_its_members(client, site):
    kaskada = site.partnerships["marymont-kaskada"]
    kaskada.contact_name = "Anna Nowak"
    kaskada.contact_role = "koordynatorka"
    kaskada.save_revision().publish()
    _html, data = read(client, KASKADA)
    (organization,) = of_type(data, "Organization")
    assert organization["name"] == kaskada.title
    assert organization["foundingDate"] == kaskada.founded_iso
    members = {member["name"] for member in organization["member"]}
    expected = {m.localized_organization.name for m in kaskada.get_members()}
    assert members == expected and members
    assert organization["contactPoint"]["name"] == "Anna Nowak"
    assert "email" not in organization["contactPoint"]


def test_the_directory_lists_its_organisations(client, site):
    _html, data = read(client, "/wspolpraca/z-kim-wspolpracujemy/")
    (listing,) = of_type(data, "ItemList")
    names = [element["item"]["name"] for element in listing["itemListElement"]]
    assert sorted(names) == sorted(org.name for org in site.organizations.values())
    assert listing["numberOfItems"] == len(names)


def test_open_graph_and_twitter_tags_and_a_description_on_every_page(client, site):
    for url in EVERY_PAGE_TYPE:
        html, data = read(client, url)
        (graph,) = data["opengraph"]
        for key in ("og:title", "og:description", "og:url", "og:image", "og:locale"):
            assert graph.get(key), (url, key)
        assert graph["og:locale"] == "pl_PL"
        assert graph["og:image:width"] == "1200"
        assert graph["og:image:alt"]
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert html.count('<meta name="description"') == 1, url
    assert Client().get("/static/img/og-default.png").status_code in (200, 404)


def test_the_description_is_the_librarians_else_a_fallback(site):
    kaskada = PartnershipPage.objects.get(slug="marymont-kaskada")
    assert description_for(kaskada) == kaskada.meta_description
    kaskada.search_description = "Sąsiedzi z Marymontu i Kaskady działają razem."
    assert description_for(kaskada) == kaskada.search_description
    index = site.index
    assert description_for(index).startswith("Partnerstwa lokalne to koalicje")
    assert "<" not in description_for(index)


def test_no_text_can_close_the_json_ld_element():
    script = as_script([{"name": "</script><script>alert(1)</script> & co"}])
    assert script.count("</script>") == 1
    assert "\\u003C/script\\u003E" in script


def test_the_english_page_says_english(client, site):
    english = factories.locale("en")
    factories.translate_page(site.home, english, "Library", slug="home-en")
    _html, data = read(client, "/en/")
    (graph,) = data["opengraph"]
    assert graph["og:locale"] == "en_GB"
    assert graph["og:locale:alternate"] == "pl_PL"
