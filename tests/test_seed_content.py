"""Every fact of the library's text appears, structured, on the right page."""

import pytest
from wagtail.models import Page, Site

from cooperation.models import (
    CooperationPage,
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from site_settings.initial_content.loader import load

pytestmark = pytest.mark.django_db

INDEX = "/wspolpraca/partnerstwa-lokalne/"
PRIVACY_URL = "/polityka-prywatnosci/"


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_site_tree_and_polish_slugs(seeded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    urls = {page.url for page in Page.objects.filter(depth__gt=2).live()}
    assert {
        "/wspolpraca/",
        INDEX,
        INDEX + "dla-rudawki-i-zatrasia/",
        INDEX + "marymont-kaskada/",
        INDEX + "zoliborz-oficerski/",
        INDEX + "sady-zoliborskie/",
        "/wspolpraca/z-kim-wspolpracujemy/",
    } <= urls


def test_cooperation_page_has_the_library_prose(client, seeded):
    html = text_of(client, "/wspolpraca/")
    assert "Potrzeba współpracy lokalnej" in html
    assert "to lek na całe zło?" in html
    assert "Działamy wspólnie i systemowo." in html
    assert "brak upolitycznienia" in html
    assert "Partnerstwa lokalne na Żoliborzu" in html  # teaser of the child page


def test_index_lists_partnerships_in_founding_order_with_dates(client, seeded):
    html = text_of(client, INDEX)
    order = [
        html.index("Dla Rudawki i Zatrasia"),
        html.index("Marymont-Kaskada"),
        html.index("Żoliborz Oficerski"),
        html.index("Sady Żoliborskie"),
    ]
    assert order == sorted(order)
    assert '<time datetime="2011">2011</time>' in html
    assert '<time datetime="2013-05">maj 2013</time>' in html
    assert '<time datetime="2013-11">listopad 2013</time>' in html
    assert '<time datetime="2014-10">październik 2014</time>' in html
    assert "koalicje przedstawicieli podmiotów ze wszystkich sektorów" in html


def test_index_coordinator_and_year_joined_are_structured(seeded):
    index = PartnershipIndexPage.objects.get()
    assert index.coordinator.short_name == "OPS"
    assert index.library_joined_year == 2011


@pytest.mark.parametrize(
    "slug,founded,former,places,streets,initiators",
    [
        (
            "dla-rudawki-i-zatrasia",
            (2011, None),
            [("Nasz Żoliborz IV", 2018)],
            ["Zatrasie", "Rudawka"],
            [
                ("ulica", "Broniewskiego"),
                ("ulica", "Krasińskiego"),
                ("ulica", "Powązkowska"),
                ("aleja", "Armii Krajowej"),
            ],
            ["OPS", "BORIS"],
        ),
        (
            "marymont-kaskada",
            (2013, 5),
            [],
            ["Park Kaskada"],
            [
                ("ulica", "Mickiewicza"),
                ("trasa", "Trasa Armii Krajowej"),
                ("ulica", "Słowackiego"),
                ("ulica", "Potocka"),
            ],
            ["OPS", "ZGN", "SOSW nr 9", "Ognisko Marymont", "Biblioteka"],
        ),
        (
            "zoliborz-oficerski",
            (2013, 11),
            [],
            ["Żoliborz Oficerski"],
            [
                ("ulica", "Krajewskiego"),
                ("ulica", "gen. Zajączka"),
                ("ulica", "Mickiewicza"),
                ("ulica", "Mierosławskiego"),
                ("ulica", "Czarnieckiego"),
                ("ulica", "Krasińskiego"),
                ("wybrzeze", "Wybrzeże Gdyńskie"),
            ],
            ["Urząd Dzielnicy", "ZGN", "SP nr 392", "OPS"],
        ),
        (
            "sady-zoliborskie",
            (2014, 10),
            [],
            ["Sady Żoliborskie"],
            [
                ("ulica", "Włościańska"),
                ("ulica", "Słowackiego"),
                ("ulica", "Popiełuszki"),
                ("ulica", "Broniewskiego"),
            ],
            [],
        ),
    ],
)
def test_partnership_facts(
    client, seeded, slug, founded, former, places, streets, initiators
):
    page = PartnershipPage.objects.get(slug=slug)
    assert (page.founded_year, page.founded_month) == founded
    assert [(f.name, f.used_until) for f in page.former_names.all()] == former
    assert [p.name for p in page.places.all()] == places
    assert [(s.street_type, s.name) for s in page.streets.all()] == streets
    members = [m for m in page.get_members() if m.is_initiator]
    assert len(members) == len(initiators)
    for member, expected in zip(members, initiators, strict=True):
        assert expected in member.organization.display_name
    assert page.logo is not None and page.logo_alt

    html = text_of(client, page.url)
    for place in places:
        assert place in html
    for street in page.streets.all():
        assert street.display_name in html
    for name, until in former:
        assert f"{name} (do {until})" in html
    assert "Obszar działania" in html


def test_partnership_page_reads_naturally(client, seeded):
    html = text_of(client, INDEX + "dla-rudawki-i-zatrasia/")
    assert "dawniej: Nasz Żoliborz IV (do 2018)" in html
    assert "ul.\u00a0Broniewskiego" in html and "al.\u00a0Armii Krajowej" in html
    assert "Projektu Aktywny Żoliborz" in html
    html = text_of(client, INDEX + "marymont-kaskada/")
    assert "Wypożyczalnia nr 111" in html
    assert "Trasa Armii Krajowej" in html
    html = text_of(client, INDEX + "zoliborz-oficerski/")
    assert "Gimnazjum nr 55" in html  # former name of SP nr 392
    assert "Wybrzeże Gdyńskie" in html


def test_every_seed_organisation_is_listed_in_the_directory(client, seeded):
    html = text_of(client, "/wspolpraca/z-kim-wspolpracujemy/")
    names = list(PartnerOrganization.objects.values_list("name", flat=True))
    assert len(names) == 8
    for name in names:
        assert name in html
    assert 'id="org-ops-zoliborz"' in html


def test_member_links_lead_to_the_directory_anchor(client, seeded):
    html = text_of(client, INDEX + "dla-rudawki-i-zatrasia/")
    assert '/wspolpraca/z-kim-wspolpracujemy/#org-stowarzyszenie-boris"' in html


def test_footer_shows_library_name(client, seeded):
    html = text_of(client, "/")
    assert "Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy" in html
    assert '<html lang="pl">' in html


def test_404_is_a_normal_page(client, seeded):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_500_page_needs_no_database_and_speaks_polish(rf, django_assert_num_queries):
    from home.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Coś poszło nie tak" in response.content.decode()


def test_privacy_notice_is_seeded_in_polish(client, seeded):
    response = client.get(PRIVACY_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Polityka prywatności" in html
    assert "nie używamy plików cookie" in html
    assert "DO UZUPEŁNIENIA PRZEZ BIBLIOTEKĘ" in html


def test_loader_keeps_an_edited_statement(seeded):
    statement = AccessibilityStatementPage.objects.get()
    statement.contact_person = "Anna Kowalska"
    statement.save_revision().publish()
    report = load(english=False)
    assert report.created == []
    assert AccessibilityStatementPage.objects.count() == 1
    assert StandardPage.objects.filter(slug="polityka-prywatnosci").count() == 1
    assert AccessibilityStatementPage.objects.get().contact_person == "Anna Kowalska"


def test_a_chosen_privacy_page_is_kept_by_the_loader(seeded):
    from site_settings.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    other = CooperationPage.objects.get()
    settings.privacy_page = other
    settings.save()
    load(english=False)
    assert SiteSettings.for_site(site).privacy_page_id == other.pk
