"""Site search: the header form, results in the visitor's language, Polish
words matched without diacritics or exact endings, hostile queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
    PartnershipStreet,
)
from home import search as site_search
from home.models import EasyReadPage, SignLanguagePage

from . import factories
from .factories import add_page, translate_directory_and_kaskada

pytestmark = pytest.mark.django_db

PARTNERSHIPS = "/wspolpraca/partnerstwa-lokalne/"


def titles(client, query, url="/szukaj/", **params):
    response = client.get(url, {"query": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'class="search-result__title"><a href="([^"]+)">', html)


def partnership_urls(urls):
    return sorted(url for url in urls if url.startswith(PARTNERSHIPS))


def test_every_page_has_a_labelled_search_form_in_the_header(client, site_tree):
    for url in ["/", "/wspolpraca/", PARTNERSHIPS, "/szukaj/"]:
        html = client.get(url).content.decode()
        header = html[
            html.index('<header class="site-header">') : html.index("</header>")
        ]
        assert 'action="/szukaj/"' in header, url
        assert 'name="query"' in header
        assert '<label class="site-search__label" for="site-search-query">' in header


def test_not_found_page_has_the_search_form_too(client, site_tree):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert 'id="site-search-query"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kaskada", ["marymont-kaskada"]),
        ("kaskada", ["marymont-kaskada"]),
        ("kask", ["marymont-kaskada"]),
        ("zolib ofic", ["zoliborz-oficerski"]),
        ("Zatrasie", ["dla-rudawki-i-zatrasia"]),
        ("zatrasia", ["dla-rudawki-i-zatrasia"]),
        ("BORIS", ["dla-rudawki-i-zatrasia"]),
        ("Broniewskiego", ["dla-rudawki-i-zatrasia", "sady-zoliborskie"]),
        ("ul. Broniewskiego", ["dla-rudawki-i-zatrasia", "sady-zoliborskie"]),
        ("Potockiej", ["marymont-kaskada"]),
        ("włościańska", ["sady-zoliborskie"]),
        ("Nasz Żoliborz IV", ["dla-rudawki-i-zatrasia"]),
        ("Rudawka", ["dla-rudawki-i-zatrasia"]),
        ("oficerski", ["zoliborz-oficerski"]),
    ],
)
def test_partnerships_are_found_by_name_street_estate_and_member(
    client, site_tree, query, expected
):
    urls = titles(client, query)
    assert partnership_urls(urls) == [f"{PARTNERSHIPS}{slug}/" for slug in expected]


def test_diacritics_do_not_matter(client, site_tree):
    assert titles(client, "zoliborz") == titles(client, "Żoliborz")
    assert f"{PARTNERSHIPS}zoliborz-oficerski/" in titles(client, "zoliborz oficerski")


def test_organisations_link_to_their_directory_entry(client, site_tree):
    urls = titles(client, "BORIS")
    assert "/wspolpraca/z-kim-wspolpracujemy/#org-stowarzyszenie-boris" in urls
    assert "/wspolpraca/z-kim-wspolpracujemy/#org-sp-392" in titles(
        client, "Gimnazjum 55"
    )


def test_prose_is_searched(client, site_tree):
    # Only in the cooperation page's body.
    assert titles(client, "trawestując") == ["/wspolpraca/"]


def test_block_settings_are_not_searched(client, site_tree):
    # Headings' levels ("Section (H2)") are settings, not text.
    assert titles(client, "H2") == []
    html = client.get("/szukaj/", {"query": "trawestując"}).content.decode()
    assert "Section (H2)" not in html
    # The summary is the page's description for search engines.
    assert "Dlaczego współpraca lokalna opłaca się wszystkim." in html


def test_a_new_partnership_is_found_by_its_streets_at_once(client, site_tree):
    index = PartnershipIndexPage.objects.get()
    streets = (("ulica", "Zielonkowa"),)
    factories.partnership(index, title="Nowe", slug="nowe", streets=streets)
    assert titles(client, "Zielonkowej") == [f"{PARTNERSHIPS}nowe/"]


def test_a_renamed_organisation_finds_its_partnerships_at_once(client, site_tree):
    boris = PartnerOrganization.objects.get(slug="stowarzyszenie-boris")
    boris.name = "Stowarzyszenie Kormoran"
    boris.save_revision().publish()
    assert partnership_urls(titles(client, "Kormoran")) == [
        f"{PARTNERSHIPS}dla-rudawki-i-zatrasia/"
    ]


def test_only_live_organisations_are_found(client, site_tree):
    organization = PartnerOrganization(
        name="Fundacja Jaskółka", slug="jaskolka", locale=site_tree.home.locale
    )
    organization.live = False
    organization.save()
    assert titles(client, "Jaskółka") == []
    organization.save_revision().publish()
    assert titles(client, "Jaskółka") == [
        "/wspolpraca/z-kim-wspolpracujemy/#org-jaskolka"
    ]


def test_title_matches_come_first(client, site_tree):
    urls = titles(client, "Marymont")
    assert urls[0] == f"{PARTNERSHIPS}marymont-kaskada/"


def test_every_word_must_match(client, site_tree):
    assert titles(client, "Kaskada Broniewskiego") == []
    assert partnership_urls(titles(client, "Broniewskiego BORIS")) == [
        f"{PARTNERSHIPS}dla-rudawki-i-zatrasia/"
    ]


def test_nothing_found_says_so(client, site_tree):
    html = client.get("/szukaj/", {"query": "Marszałkowska"}).content.decode()
    assert "Nic nie znaleźliśmy" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "a",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        "%",
        "_",
        "x" * 5000,
        "żółw " * 1000,
        "\x00",
    ],
)
def test_hostile_queries_get_a_normal_page(client, site_tree, query):
    response = client.get("/szukaj/", {"query": query, "page": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_query_terms_are_bounded():
    assert len(site_search.query_terms("słowo " * 1000)) <= 2
    assert len(site_search.query_terms(" ".join(f"w{n}" for n in range(50)))) == 8
    assert site_search.query_terms("a b") == []


def test_results_are_paginated(client, site_tree):
    index = PartnershipIndexPage.objects.get()
    for number in range(12):
        page = PartnershipPage(
            title=f"Partnerstwo Broniewskiego {number}",
            slug=f"broniewskiego-{number}",
            founded_year=2020,
            streets=[PartnershipStreet(name="Broniewskiego")],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    first = titles(client, "Broniewskiego")
    second = titles(client, "Broniewskiego", page="2")
    assert len(first) == 10
    assert len(second) == 4
    assert not set(first) & set(second)
    html = client.get("/szukaj/", {"query": "Broniewskiego"}).content.decode()
    assert 'href="/szukaj/?query=Broniewskiego&amp;page=2" rel="next"' in html
    assert len(titles(client, "Broniewskiego", page="999")) == 4


def test_search_has_one_address_in_each_language(client, site_tree):
    assert client.get("/search/", {"query": "Kaskada"}).status_code == 404
    assert client.get("/en/szukaj/").status_code == 404
    assert client.get("/en/search/").status_code == 200


def test_english_search_finds_english_pages_only(
    client, site_tree, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_directory_and_kaskada(english)
    response = client.get("/en/search/", {"query": "kaskada"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/en/search/"' in html
    urls = titles(client, "kaskada", url="/en/search/")
    assert "/en/wspolpraca/partnerstwa-lokalne/marymont-kaskada/" in urls
    assert not any(url.startswith(PARTNERSHIPS) for url in urls)
    assert "Marymont-Kaskada Partnership" in html
    assert "EN Ognisko Marymont" in html


def count_queries(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/szukaj/", {"query": query})
    assert response.status_code == 200
    return len(queries)


def add_partnerships(count, start):
    index = PartnershipIndexPage.objects.get()
    for number in range(start, start + count):
        page = PartnershipPage(
            title=f"Partnerstwo testowe {number}",
            slug=f"testowe-{number}",
            founded_year=2020,
            streets=[PartnershipStreet(name="Krasińskiego")],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("query", ["Krasińskiego", "Żoliborz"])
def test_search_queries_do_not_grow_with_content(client, site_tree, query):
    client.get("/szukaj/", {"query": query})
    add_partnerships(1, start=0)
    small = count_queries(client, query)
    add_partnerships(10, start=1)
    large = count_queries(client, query)
    assert small == large


def test_search_queries_do_not_grow_with_page_types(client, site_tree):
    """The factory site has no easy-to-read or sign-language page: search
    finds their prose once they exist, in as many queries as before (no
    query per page type)."""
    client.get("/szukaj/", {"query": "Żoliborz"})
    before = count_queries(client, "Żoliborz")
    section = {
        "heading": "Kim jesteśmy",
        "pictogram": "library",
        "text": "<p>Wypożyczamy hulajnogi dzieciom z Żoliborza.</p>",
    }
    add_page(
        site_tree.home,
        EasyReadPage(
            title="Tekst łatwy do czytania",
            slug="etr",
            body=[{"type": "section", "value": section}],
        ),
    )
    add_page(
        site_tree.home,
        SignLanguagePage(
            title="Polski Język Migowy",
            slug="pjm",
            transcript="<p>Tłumaczymy kryminały na Żoliborzu.</p>",
        ),
    )
    assert titles(client, "hulajnoga") == ["/etr/"]
    assert titles(client, "jesteśmy") == ["/etr/"]
    assert titles(client, "kryminał") == ["/pjm/"]
    assert {"/etr/", "/pjm/"} <= set(titles(client, "Żoliborz"))
    assert count_queries(client, "Żoliborz") == before


def test_the_language_switcher_of_search_leads_to_search_in_the_other_language(
    client, site_tree
):
    """Search has its own address in each language: the switcher leads
    straight there with the same query, with no "not translated" note."""
    polish = client.get("/szukaj/?query=kaskada").content.decode()
    assert 'href="/en/search/?query=kaskada" lang="en"' in polish
    assert "/en/szukaj/" not in polish
    assert "language-switcher__note" not in polish
    english = client.get("/en/search/").content.decode()
    assert 'href="/szukaj/" lang="pl"' in english
    assert "language-switcher__note" not in english
