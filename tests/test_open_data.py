"""The open-data JSON feeds of partnerships and partner organisations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipMembership,
    PartnershipPage,
    PartnershipStreet,
)

from .factories import translate_directory_and_kaskada

pytestmark = pytest.mark.django_db

PARTNERSHIPS = "/api/partnerships.json"
ORGANIZATIONS = "/api/organizations.json"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def by_slug(records):
    return {record["slug"]: record for record in records}


def test_partnerships_feed_has_the_seeded_data(client, site_tree):
    data = feed(client, PARTNERSHIPS)
    assert data["count"] == 4
    records = by_slug(data["partnerships"])
    assert list(records) == [
        "dla-rudawki-i-zatrasia",
        "marymont-kaskada",
        "zoliborz-oficerski",
        "sady-zoliborskie",
    ]
    rudawka = records["dla-rudawki-i-zatrasia"]
    assert rudawka["name"] == {"pl": "Partnerstwo „Dla Rudawki i Zatrasia”"}
    assert rudawka["founded"] == "2011"
    assert rudawka["former_names"] == [
        {"name": {"pl": "Nasz Żoliborz IV"}, "used_until": 2018}
    ]
    assert [estate["name"]["pl"] for estate in rudawka["estates"]] == [
        "Zatrasie",
        "Rudawka",
    ]
    assert rudawka["streets"][3] == {
        "type": "aleja",
        "name": "Armii Krajowej",
        "label": "al. Armii Krajowej",
    }
    assert rudawka["url"]["pl"].endswith(
        "/wspolpraca/partnerstwa-lokalne/dla-rudawki-i-zatrasia/"
    )
    assert [org["name"]["pl"] for org in rudawka["organizations"]][1] == (
        "Stowarzyszenie BORIS"
    )
    assert rudawka["organizations"][1]["url"]["pl"].endswith(
        "/wspolpraca/z-kim-wspolpracujemy/#org-stowarzyszenie-boris"
    )
    kaskada = records["marymont-kaskada"]
    assert kaskada["founded"] == "2013-05"
    assert kaskada["organizations"][-1]["role"] == {"pl": "Wypożyczalnia nr 111"}


def test_organizations_feed_links_partnerships(client, site_tree):
    data = feed(client, ORGANIZATIONS)
    assert data["count"] == 8
    records = by_slug(data["organizations"])
    ops = records["ops-zoliborz"]
    assert ops["short_name"] == {"pl": "OPS"}
    assert ops["sector"] == "public"
    assert len(ops["partnerships"]) == 3
    partnership_ids = {
        record["id"]: record["slug"]
        for record in feed(client, PARTNERSHIPS)["partnerships"]
    }
    assert sorted(partnership_ids[item["id"]] for item in ops["partnerships"]) == [
        "dla-rudawki-i-zatrasia",
        "marymont-kaskada",
        "zoliborz-oficerski",
    ]
    assert records["sp-392"]["former_name"] == {"pl": "Gimnazjum nr 55"}


def test_both_languages_are_inside_each_record(
    client, site_tree, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_directory_and_kaskada(english)
    data = feed(client, PARTNERSHIPS)
    assert data["count"] == 4  # one record per partnership, not per language
    kaskada = by_slug(data["partnerships"])["marymont-kaskada"]
    assert kaskada["name"] == {
        "pl": "Partnerstwo „Marymont-Kaskada”",
        "en": "Marymont-Kaskada Partnership",
    }
    assert kaskada["url"]["en"].endswith(
        "/en/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
    )
    assert kaskada["organizations"][0]["name"]["en"].startswith("EN ")
    organizations = by_slug(feed(client, ORGANIZATIONS)["organizations"])
    assert len(organizations) == 8
    assert organizations["stowarzyszenie-boris"]["name"] == {
        "pl": "Stowarzyszenie BORIS",
        "en": "EN Stowarzyszenie BORIS",
    }
    assert organizations["stowarzyszenie-boris"]["url"]["en"].endswith(
        "/en/wspolpraca/z-kim-wspolpracujemy/#org-stowarzyszenie-boris"
    )


def test_feeds_are_read_only_and_open(client, site_tree):
    for url in [PARTNERSHIPS, ORGANIZATIONS]:
        assert client.post(url).status_code == 405
        assert client.get(url)["Access-Control-Allow-Origin"] == "*"
        assert client.get(url, {"x": "<script>"}).status_code == 200


def test_drafts_are_not_published(client, site_tree):
    PartnershipPage.objects.get(slug="sady-zoliborskie").unpublish()
    PartnerOrganization.objects.filter(slug="sosw-9").update(live=False)
    slugs = by_slug(feed(client, PARTNERSHIPS)["partnerships"])
    assert "sady-zoliborskie" not in slugs
    assert "sosw-9" not in by_slug(feed(client, ORGANIZATIONS)["organizations"])


def grow(count, start):
    locale = Locale.get_default()
    index = PartnershipIndexPage.objects.get()
    for number in range(start, start + count):
        organization = PartnerOrganization.objects.create(
            locale=locale, name=f"Org {number}", slug=f"org-{number}", live=True
        )
        page = PartnershipPage(
            title=f"Partnerstwo {number}",
            slug=f"partnerstwo-{number}",
            founded_year=2020,
            streets=[PartnershipStreet(name=f"Ulica {number}")],
            members=[PartnershipMembership(organization=organization)],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("url", [PARTNERSHIPS, ORGANIZATIONS])
def test_feed_queries_do_not_grow(client, site_tree, url):
    client.get(url)
    grow(1, start=0)
    with CaptureQueriesContext(connection) as small:
        feed(client, url)
    grow(10, start=1)
    with CaptureQueriesContext(connection) as large:
        data = feed(client, url)
    assert len(small) == len(large)
    assert data["count"] >= 14
