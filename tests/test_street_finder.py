"""The street finder: the pure matching core over the seed's streets, and the
form on the partnership index page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cooperation import street_finder
from cooperation.models import PartnershipIndexPage, PartnershipPage, PartnershipStreet
from home import text
from site_settings.models import SiteSettings

from . import factories
from .factories import translate_page

INDEX_URL = "/wspolpraca/partnerstwa-lokalne/"


class Street:
    """A stand-in for PartnershipStreet: a name and how it is shown."""

    def __init__(self, street_type, name):
        self.name = name
        prefix = {"ulica": "ul. ", "aleja": "al. "}.get(street_type, "")
        self.display_name = prefix + name


SEED_ROWS = [
    (data["slug"], Street(street_type, name))
    for data in factories.PARTNERSHIPS
    for street_type, name in data["streets"]
]


def find(query):
    return street_finder.find(query, SEED_ROWS)


def slugs(result):
    return sorted(result.partnerships)


# --- the pure matching core -------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Potocka", ["marymont-kaskada"]),
        ("Włościańska", ["sady-zoliborskie"]),
        ("Powązkowska", ["dla-rudawki-i-zatrasia"]),
        ("Popiełuszki", ["sady-zoliborskie"]),
        ("Mierosławskiego", ["zoliborz-oficerski"]),
    ],
)
def test_exact_name_finds_its_partnership(query, expected):
    result = find(query)
    assert result.status == "found"
    assert result.exact
    assert slugs(result) == expected


@pytest.mark.parametrize(
    "query",
    ["krasinskiego", "KRASIŃSKIEGO", "Krasińskiego", "krasińskiego", "KrAsInSkIeGo"],
)
def test_case_and_diacritics_do_not_matter(query):
    result = find(query)
    assert result.exact
    assert slugs(result) == ["dla-rudawki-i-zatrasia", "zoliborz-oficerski"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ul. Potocka", ["marymont-kaskada"]),
        ("ul Potocka", ["marymont-kaskada"]),
        ("ulica Włościańska", ["sady-zoliborskie"]),
        ("al. Armii Krajowej", ["dla-rudawki-i-zatrasia", "marymont-kaskada"]),
        ("aleja Armii Krajowej", ["dla-rudawki-i-zatrasia", "marymont-kaskada"]),
        ("Trasa Armii Krajowej", ["dla-rudawki-i-zatrasia", "marymont-kaskada"]),
        ("gen. Zajączka", ["zoliborz-oficerski"]),
        ("generała Zajączka", ["zoliborz-oficerski"]),
        ("Zajączka", ["zoliborz-oficerski"]),
        ("ks. Popiełuszki", ["sady-zoliborskie"]),
        ("księdza Popiełuszki", ["sady-zoliborskie"]),
        ("pl. Słowackiego", ["marymont-kaskada", "sady-zoliborskie"]),
    ],
)
def test_prefixes_are_ignored(query, expected):
    result = find(query)
    assert result.exact, query
    assert slugs(result) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Potockiej", ["marymont-kaskada"]),
        ("na Potockiej", ["marymont-kaskada"]),
        ("Potocką", ["marymont-kaskada"]),
        ("Włościańską", ["sady-zoliborskie"]),
        ("Włościańskiej", ["sady-zoliborskie"]),
        ("Powązkowskiej", ["dla-rudawki-i-zatrasia"]),
        ("Broniewskim", ["dla-rudawki-i-zatrasia", "sady-zoliborskie"]),
        ("Mickiewiczem", ["marymont-kaskada", "zoliborz-oficerski"]),
        ("Wybrzeżu Gdyńskim", ["zoliborz-oficerski"]),
        ("Popiełuszko", ["sady-zoliborskie"]),
    ],
)
def test_inflected_forms_find_the_street(query, expected):
    result = find(query)
    assert result.status == "found", query
    assert slugs(result) == expected


def test_house_numbers_are_ignored():
    assert slugs(find("Słowackiego 19")) == ["marymont-kaskada", "sady-zoliborskie"]
    assert slugs(find("ul. Potocka 14a, 01-652")) == ["marymont-kaskada"]


@pytest.mark.parametrize(
    ("query", "labels"),
    [
        ("Pot", ["ul. Potocka"]),
        ("pow", ["ul. Powązkowska"]),
        ("kra", ["ul. Krasińskiego", "al. Armii Krajowej", "ul. Krajewskiego"]),
        ("Mierosł", ["ul. Mierosławskiego"]),
        ("Krajowej", ["al. Armii Krajowej"]),
        ("Gdyńskie", ["Wybrzeże Gdyńskie"]),
        ("Armii Kraj", ["al. Armii Krajowej"]),
    ],
)
def test_a_prefix_of_three_letters_finds_streets(query, labels):
    result = find(query)
    assert result.status == "found"
    assert not result.exact or query in ("Krajowej",)
    assert [match.label for match in result.matches] == labels


@pytest.mark.parametrize("query", ["Po", "k", "ul."])
def test_fewer_than_three_letters_asks_for_more(query):
    assert find(query).status == "too_short"


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("Mickewicza", "Mickiewicza"),
        ("Broniewskigo", "Broniewskiego"),
        ("Słowakiego", "Słowackiego"),
        ("Wlosciamska", "Włościańska"),
        ("Czarneckiego", "Czarnieckiego"),
    ],
)
def test_small_typos_are_offered_as_did_you_mean(query, suggestion):
    result = find(query)
    assert result.status == "suggestions"
    assert result.matches == []
    assert result.suggestions[0].name == suggestion


def test_unknown_street_is_not_found_without_suggestions():
    result = find("Marszałkowska")
    assert result.status == "not_found"
    assert result.suggestions == []


@pytest.mark.parametrize(
    ("street", "pair"),
    [
        ("Broniewskiego", ["dla-rudawki-i-zatrasia", "sady-zoliborskie"]),
        ("Krasińskiego", ["dla-rudawki-i-zatrasia", "zoliborz-oficerski"]),
        ("Mickiewicza", ["marymont-kaskada", "zoliborz-oficerski"]),
        ("Słowackiego", ["marymont-kaskada", "sady-zoliborskie"]),
        ("Armii Krajowej", ["dla-rudawki-i-zatrasia", "marymont-kaskada"]),
    ],
)
def test_a_street_of_two_partnerships_is_their_boundary(street, pair):
    result = find(street)
    [match] = result.matches
    assert match.is_boundary
    assert sorted(match.partnerships) == pair


def test_boundary_keeps_how_each_partnership_lists_the_street():
    [match] = find("Armii Krajowej").matches
    listed = {slug: label for slug, label, _differs in match.entries}
    assert listed == {
        "dla-rudawki-i-zatrasia": "al. Armii Krajowej",
        "marymont-kaskada": "Trasa Armii Krajowej",
    }


def test_a_street_of_one_partnership_is_not_a_boundary():
    [match] = find("Potocka").matches
    assert not match.is_boundary


@pytest.mark.parametrize(
    "query",
    ["", "   ", "<script>", "...", "12345", "\x00\x01"],
)
def test_nothing_searchable_is_empty_or_not_found(query):
    assert find(query).status in {"empty", "not_found", "too_short"}


def test_long_input_is_cut_to_the_limit():
    result = find("Potocka " * 1000)
    assert len(result.query) <= text.MAX_QUERY_LENGTH


def test_stemmer_keeps_three_letters():
    assert text.stem("ula") == "ula"
    assert text.stem("potockiej") == "potock"
    assert street_finder.street_key("Trasa Armii Krajowej") == street_finder.street_key(
        "al. Armii Krajowej"
    )


# --- the form on the partnership index page ---------------------------------


def results(response):
    html = response.content.decode()
    start = html.index('id="street-finder-results"')
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_index_page_has_a_get_form_with_a_street_field(client, site_tree):
    html = client.get(INDEX_URL).content.decode()
    assert 'method="get"' in html
    assert 'name="street"' in html
    assert '<label for="street-finder-input">' in html
    assert 'id="street-finder-results"' not in html
    # Suggestions as you type without JavaScript: the streets in a datalist.
    assert 'list="street-finder-streets"' in html
    assert '<option value="Włościańska"></option>' in html


@pytest.mark.django_db
def test_finder_names_the_boundary_with_links(client, site_tree):
    response = client.get(INDEX_URL, {"street": "broniewskiego"})
    assert response.status_code == 200
    found = results(response)
    assert "to granica między obszarami" in found
    assert 'href="/wspolpraca/partnerstwa-lokalne/dla-rudawki-i-zatrasia/"' in found
    assert 'href="/wspolpraca/partnerstwa-lokalne/sady-zoliborskie/"' in found
    assert "marymont-kaskada" not in found


@pytest.mark.django_db
def test_finder_names_one_partnership(client, site_tree):
    found = results(client.get(INDEX_URL, {"street": "ul. Potockiej"}))
    assert "wyznacza obszar tego partnerstwa" in found
    assert "Marymont-Kaskada" in found
    assert "Sady" not in found


@pytest.mark.django_db
def test_finder_offers_did_you_mean_links(client, site_tree):
    found = results(client.get(INDEX_URL, {"street": "Mickewicza"}))
    assert "Czy chodziło o" in found
    assert 'href="?street=Mickiewicza#street-finder-results"' in found


@pytest.mark.django_db
def test_unknown_street_gets_the_coordinators_contact(client, site_tree):
    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "+48 22 123 45 67"
    contact.email = "biblioteka@example.org"
    contact.save()
    found = results(client.get(INDEX_URL, {"street": "Marszałkowska"}))
    assert "Żadne partnerstwo nie ma tej ulicy" in found
    assert "Ośrodek Pomocy Społecznej" in found
    assert "mailto:biblioteka@example.org" in found
    assert "+48 22 123 45 67" in found


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "<script>alert('x')</script>",
        '"><img src=x onerror=alert(1)>',
        "'; DROP TABLE wagtailcore_page; --",
        "Potocka' OR '1'='1",
        "x" * 5000,
        "Słowackiego " * 500,
        "%00",
        "\u202eakcotoP",
    ],
)
def test_hostile_input_gets_a_normal_escaped_page(client, site_tree, query):
    response = client.get(INDEX_URL, {"street": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'id="street-finder-results"' in html
    assert len(html) < 60_000


@pytest.mark.django_db
def test_long_input_is_shortened_with_a_message(client, site_tree):
    found = results(client.get(INDEX_URL, {"street": "Potocka" + " " * 200 + "x" * 50}))
    assert "tylko według pierwszych 100 znaków" in found


@pytest.mark.django_db
def test_null_byte_is_a_normal_page(client, site_tree):
    response = client.get(INDEX_URL + "?street=Potocka%00")
    assert response.status_code == 200
    assert "Marymont-Kaskada" in results(response)


def add_partnerships(index, count, start=0):
    for number in range(start, start + count):
        page = PartnershipPage(
            title=f"Partnerstwo testowe {number}",
            slug=f"testowe-{number}",
            founded_year=2020,
            streets=[
                PartnershipStreet(name=f"Testowa {number}a"),
                PartnershipStreet(name="Broniewskiego"),
            ],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX_URL, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("street", ["Broniewskiego", "kra", "Marszałkowska"])
def test_finder_queries_do_not_grow_with_partnerships(client, site_tree, street):
    index = PartnershipIndexPage.objects.get()
    client.get(INDEX_URL)  # warm caches that are not per request
    add_partnerships(index, 1)
    small = count_queries(client, {"street": street})
    add_partnerships(index, 8, start=1)
    large = count_queries(client, {"street": street})
    assert small == large
    html = client.get(INDEX_URL, {"street": "Broniewskiego"}).content.decode()
    assert html.count("Partnerstwo testowe") >= 9


@pytest.mark.django_db
def test_english_index_finds_english_partnerships(
    client, site_tree, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(
            PartnershipPage.objects.get(slug="marymont-kaskada"),
            english,
            "Marymont-Kaskada Partnership",
        )  # its parents become English aliases
    response = client.get("/en" + INDEX_URL, {"street": "Potockiej"})
    assert response.status_code == 200
    found = results(response)
    assert (
        '<a href="/en/wspolpraca/partnerstwa-lokalne/marymont-kaskada/">'
        "Marymont-Kaskada Partnership</a>"
    ) in found
    assert "Partnerstwo" not in found
