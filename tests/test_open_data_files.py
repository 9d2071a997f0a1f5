"""Open data done properly: CSV next to each JSON feed, the licence in every
body and in a Link header, the DCAT-AP catalogue and the page listing the
datasets."""

import csv
import io

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
FEEDS = [
    "/api/partnerships.json",
    "/api/organizations.json",
    "/api/partnerships.csv",
    "/api/organizations.csv",
    "/api/streets.csv",
    "/api/memberships.csv",
    "/api/catalog.rdf",
]


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_every_feed_carries_the_licence_in_its_header(client, site_tree):
    for url in FEEDS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Link"] == f'<{CC_BY}>; rel="license"', url
        assert response["Access-Control-Allow-Origin"] == "*"
    for url in FEEDS[:2]:
        assert client.get(url).json()["licence"] == {"name": "CC BY 4.0", "url": CC_BY}


def test_the_licence_chosen_in_the_settings_is_used(client, site_tree):
    contact = SiteSettings.for_site(site_tree.home.get_site())
    contact.open_data_licence_name = "CC0 1.0"
    contact.open_data_licence_url = "https://creativecommons.org/publicdomain/zero/1.0/"
    contact.save()
    data = client.get("/api/partnerships.json").json()
    assert data["licence"]["name"] == "CC0 1.0"
    table = rows(client, "/api/streets.csv")
    assert {row["licence"] for row in table} == {contact.open_data_licence_url}


def test_csv_files_have_one_row_per_thing_and_match_the_json(client, site_tree):
    partnerships = client.get("/api/partnerships.json").json()["partnerships"]
    table = rows(client, "/api/partnerships.csv")
    assert [row["id"] for row in table] == [p["id"] for p in partnerships]
    assert table[0]["name_pl"] == partnerships[0]["name"]["pl"]
    assert table[0]["licence"] == CC_BY
    streets = rows(client, "/api/streets.csv")
    assert len(streets) == sum(len(p["streets"]) for p in partnerships)
    kaskada = [row for row in streets if row["partnership_slug"] == "marymont-kaskada"]
    assert [row["position"] for row in kaskada] == [
        str(n) for n in range(1, len(kaskada) + 1)
    ]
    memberships = rows(client, "/api/memberships.csv")
    assert len(memberships) == sum(len(p["organizations"]) for p in partnerships)
    assert {row["initiator"] for row in memberships} <= {"true", "false"}
    organizations = rows(client, "/api/organizations.csv")
    assert len(organizations) == client.get("/api/organizations.json").json()["count"]
    assert "Żoliborz" in client.get("/api/partnerships.csv").content.decode("utf-8")


def test_the_dcat_catalogue_describes_every_dataset_and_file(client, site_tree):
    response = client.get("/api/catalog.rdf")
    assert response["Content-Type"].startswith("application/rdf+xml")
    graph = Graph().parse(data=response.content, format="xml")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    datasets = list(graph.objects(catalog, DCAT.dataset))
    assert len(datasets) == 4
    downloads = set()
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        titles = {title.language for title in graph.objects(dataset, DCTERMS.title)}
        assert titles == {"pl", "en"}
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert (distribution, DCTERMS.license, URIRef(CC_BY)) in graph
            downloads.update(graph.objects(distribution, DCAT.downloadURL))
    assert {str(url).split("testserver")[1] for url in downloads} == set(FEEDS[:-1])
    for url in downloads:
        assert client.get(str(url).split("testserver")[1]).status_code == 200


def test_the_open_data_page_lists_the_datasets_and_is_linked(client, site_tree):
    html = client.get("/otwarte-dane/").content.decode()
    for url in FEEDS:
        assert url in html
    assert "CC BY 4.0" in html and "name_pl" in html
    english = client.get("/en/open-data/")
    assert english.status_code == 200
    assert "Open data" in english.content.decode()
    assert 'href="/otwarte-dane/"' in client.get("/").content.decode()
    directory = client.get("/wspolpraca/z-kim-wspolpracujemy/").content.decode()
    assert 'href="/api/organizations.csv"' in directory
