"""Every public page costs a fixed number of SQL queries (the numbers
below), in both languages, with the page cache off, and the same number with
4 partnerships and 8 organisations as with 100 partnerships and 200
organisations. The header, menu and footer every page repeats are kept in
the "pages" cache (warm after the first request); the rest is read afresh.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)

from . import factories

pytestmark = pytest.mark.django_db

# Wagtail's routing: the site, the active locale, the home page's specific
# fields (3; in English 4, with the home page's translation); the page found
# by its address and its specific fields (HomePage.route, 2); the view
# restrictions over it (2). The site's root paths are in the default cache;
# breadcrumbs, hreflang and the language switcher in "pages" fragments.
PL = 3 + 2 + 2
EN = PL + 1
# A search reads the index for pages and organisations, then what the shown
# results need (home/search.py): no results 3; organisations only 6; pages
# with their specific fields and details (places, streets) 8.
NOTHING, ORGANIZATIONS, PAGES = 3, 6, 8

# url -> queries; the same at both sizes. With every "pages" fragment empty
# (cold, header and footer too) a page costs, Polish/English: home 16/18,
# Współpraca 18/20, partnerships 23/25, partnership 24/27, directory 20/22,
# statement 16/18, privacy 16/18, search 8-9 (11-16 with a query).
EXPECTED = {
    # no routing below the home page; its sections (2)
    "/": PL - 2 + 2,
    "/wspolpraca/": PL + 2,  # the section's sub-pages (2)
    # the view restrictions the list leaves out; the list itself (its
    # streets, places, logos, coordinator) is a fragment
    "/wspolpraca/partnerstwa-lokalne/": PL + 1,
    # rows, logo, members are a fragment
    "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/": PL,
    # organisations, logos, partnerships, memberships: a fragment per filter
    "/wspolpraca/z-kim-wspolpracujemy/": PL,
    "/deklaracja-dostepnosci/": PL + 2,  # settings, the ETR and PJM pages
    "/polityka-prywatnosci/": PL,
    "/szukaj/": 0,  # not a page: header and footer kept
    "/en/": EN - 2 + 2,
    "/en/cooperation/": EN + 2,
    "/en/cooperation/local-partnerships/": EN + 1,
    "/en/cooperation/local-partnerships/marymont-kaskada/": EN,
    "/en/cooperation/who-we-work-with/": EN,
    "/en/accessibility-statement/": EN + 2,
    "/en/privacy-notice/": EN,
    "/en/search/": 0,
    "/szukaj/?query=kaskada": PAGES,
    "/szukaj/?query=Krasi%C5%84skiego": ORGANIZATIONS,
    "/szukaj/?query=Gimnazjum+55": PAGES,
    "/szukaj/?query=Marsza%C5%82kowska": NOTHING,
    "/szukaj/?query=%C5%BColiborz&page=2": PAGES,
    "/en/search/?query=kaskada": PAGES,
    "/en/search/?query=Krasi%C5%84skiego": ORGANIZATIONS,
    "/en/search/?query=Gimnazjum+55": PAGES,
    "/en/search/?query=Marsza%C5%82kowska": NOTHING,
    "/en/search/?query=%C5%BColiborz&page=2": PAGES,
    "/en/search/?query=Organizacja&page=2": PAGES,
    # Open data (cooperation/api.py): locales, partnerships (2), every
    # organisation's names, the directory pages (2), the partnerships'
    # members, their streets, places and former names (3), and the licence
    # from the site settings (the site, its settings)
    "/api/partnerships.json": 12,
    # locales, organisations, the directory pages (2), partnerships (2),
    # their members, the licence (2)
    "/api/organizations.json": 9,
    # site, its home pages, every live public page (2)
    "/sitemap.xml": 4,
}
# At the small size there is no second page of organisations.
SMALL = {**EXPECTED, "/en/search/?query=Organizacja&page=2": NOTHING}


def english_site():
    """The factory site and an English translation of every page and
    organisation (parents first, so none is an alias)."""
    site = factories.polish_site()
    english = factories.locale("en")
    factories.translate_organizations(english)
    titles = [
        (site.home, "Public Library in Żoliborz", "home-en"),
        (site.cooperation, "Cooperation", "cooperation"),
        (site.index, "Local partnerships", "local-partnerships"),
        (site.directory, "Who we work with", "who-we-work-with"),
        (site.statement, "Accessibility statement", "accessibility-statement"),
        (site.privacy, "Privacy notice", "privacy-notice"),
    ]
    for page, title, slug in titles:
        factories.translate_page(page, english, title, slug=slug)
    for page in site.partnerships.values():
        factories.translate_page(page, english, f"EN {page.title}")
    return site


def grow(site, partnerships=100, organizations=200):
    """Add partnerships (each with a logo of its own, three members and
    rows, in both languages) and organisations up to the given numbers.
    English versions are made directly (same translation key), which is what
    a page reads, at a fraction of the cost of translating each."""
    english = factories.locale("en")
    polish_orgs = PartnerOrganization.objects.filter(locale__language_code="pl")
    for number in range(polish_orgs.count(), organizations):
        org = factories.organization(name=f"Organizacja {number}", slug=f"org-{number}")
        copy = org.copy_for_translation(english)
        copy.name = f"EN Organizacja {number}"
        copy.save()
    members = [(org, True, "") for org in polish_orgs[:3]]
    english_index = PartnershipIndexPage.objects.get(locale=english)
    polish = PartnershipPage.objects.filter(locale__language_code="pl")
    for number in range(polish.count(), partnerships):
        rows = {
            "streets": [("ulica", f"Testowa {number}")],
            "places": [("estate", f"Osiedle {number}")],
            "former_names": [(f"Dawne {number}", 2010)],
            "members": members,
            "logo": factories.image(f"Logo {number}"),
        }
        page = factories.partnership(
            site.index,
            title=f"Partnerstwo testowe {number}",
            slug=f"t-{number}",
            **rows,
        )
        translation = factories.partnership(
            english_index,
            title=f"EN test partnership {number}",
            slug=f"t-{number}",
            **rows,
        )
        Page.objects.filter(pk=translation.pk).update(
            translation_key=page.translation_key
        )


def queries(client, url):
    client.get(url)  # renditions made, per-process caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_public_page_costs_the_same_few_queries_at_both_sizes(client):
    site = english_site()
    small = {url: queries(client, url) for url in EXPECTED}
    grow(site)
    assert PartnershipPage.objects.filter(locale__language_code="en").count() == 100
    assert PartnerOrganization.objects.filter(locale__language_code="en").count() == 200
    large = {url: queries(client, url) for url in EXPECTED}
    assert small == SMALL
    assert large == EXPECTED
    assert max(EXPECTED.values()) <= 12
    index = client.get("/en/cooperation/local-partnerships/").content.decode()
    assert "EN test partnership 95" in index
    directory = client.get("/wspolpraca/z-kim-wspolpracujemy/").content.decode()
    assert "Organizacja 199" in directory
    assert_search_and_feeds_find_the_large_site(client)


def search_results(client, url):
    """The links of the results ``url`` lists."""
    html = client.get(url).content.decode()
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def assert_search_and_feeds_find_the_large_site(client):
    """What the searches and feeds above answer at the large size: they
    cost few queries by reading everything, not by finding nothing."""
    partnership = "/wspolpraca/partnerstwa-lokalne/t-57/"
    assert search_results(client, "/szukaj/?query=Testowa+57") == [partnership]
    html = client.get("/szukaj/?query=Testowa+57").content.decode()
    assert "<dd>ul.\u00a0Testowa 57</dd>" in html  # its details, as before
    # The Polish title ("Partnerstwo testowe 57") shares the street's words;
    # the English title, the estate and the former name do not.
    for query in ("Osiedle+57", "Dawne+57"):
        assert search_results(client, f"/szukaj/?query={query}") == [partnership]
    english = "/en/cooperation/local-partnerships/t-57/"
    assert search_results(client, "/en/search/?query=Testowa+57") == [english]
    assert search_results(client, "/szukaj/?query=Organizacja+150") == [
        "/wspolpraca/z-kim-wspolpracujemy/#org-org-150"
    ]
    assert search_results(client, "/en/search/?query=Organizacja+150") == [
        "/en/cooperation/who-we-work-with/#org-org-150"
    ]
    for prefix in ("/szukaj/", "/en/search/"):
        kaskada = search_results(client, f"{prefix}?query=kaskada")
        assert kaskada[0].endswith("/marymont-kaskada/")
        assert search_results(client, f"{prefix}?query=Marsza%C5%82kowska") == []
        first = search_results(client, f"{prefix}?query=Organizacja")
        second = search_results(client, f"{prefix}?query=Organizacja&page=2")
        assert len(first) == len(second) == 10
        assert not set(first) & set(second)
    partnerships = client.get("/api/partnerships.json").json()
    assert partnerships["count"] == 100
    found = {record["slug"]: record for record in partnerships["partnerships"]}
    assert found["t-57"]["streets"][0]["name"] == "Testowa 57"
    assert found["t-57"]["name"]["en"] == "EN test partnership 57"
    organizations = client.get("/api/organizations.json").json()
    assert organizations["count"] == 200
    names = {
        record["slug"]: record["name"] for record in organizations["organizations"]
    }
    assert names["org-150"] == {"pl": "Organizacja 150", "en": "EN Organizacja 150"}


def test_a_partnership_page_costs_the_same_however_many_members(client):
    site = factories.polish_site()
    page = site.partnerships["marymont-kaskada"]
    url = page.url
    before = queries(client, url)
    present = page.members.values_list("organization", flat=True)
    for organization in PartnerOrganization.objects.exclude(pk__in=present):
        page.members.create(organization=organization)
    assert queries(client, url) == before == EXPECTED[url]
