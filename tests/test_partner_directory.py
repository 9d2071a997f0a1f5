"""The "Who we work with" directory: partnerships per organisation, filters
by sector and partnership, the empty state and a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cooperation.models import (
    PartnerOrganization,
    PartnershipMembership,
    PartnershipPage,
)

from .factories import translate_directory_and_kaskada

pytestmark = pytest.mark.django_db

URL = "/wspolpraca/z-kim-wspolpracujemy/"


def html_of(client, params=None):
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return response.content.decode()


def card(html, anchor):
    start = html.index(f'id="{anchor}"')
    markers = ('class="org-card"', "</section>")
    ends = [html.find(marker, start + 1) for marker in markers]
    return html[start : min(end for end in ends if end > 0)]


def option_count(html, query):
    """The count shown on the filter link to ``?query``."""
    match = re.search(
        re.escape(f'?{query}"')
        + r'(?: aria-current="true")?>[^<]+<span[^>]*>\((\d+)\)',
        html,
    )
    return int(match.group(1)) if match else None


def shown_anchors(html):
    return re.findall(r'class="org-card" id="(org-[^"]+)"', html)


def test_each_organisation_lists_its_partnerships_with_role(client, site_tree):
    html = html_of(client)
    ops = card(html, "org-ops-zoliborz")
    assert ops.count("/wspolpraca/partnerstwa-lokalne/") == 3
    assert "Sady" not in ops
    boris = card(html, "org-stowarzyszenie-boris")
    assert 'href="/wspolpraca/partnerstwa-lokalne/dla-rudawki-i-zatrasia/"' in boris
    assert "inicjator" in boris


def test_every_organisation_has_its_anchor(client, site_tree):
    html = html_of(client)
    assert sorted(shown_anchors(html)) == sorted(
        f"org-{o.slug}" for o in PartnerOrganization.objects.all()
    )


def test_sector_filter_shows_only_that_sector(client, site_tree):
    html = html_of(client, {"sector": "ngo"})
    assert shown_anchors(html) == ["org-stowarzyszenie-boris"]
    assert f'href="{URL}?sector=ngo" aria-current="true"' in html
    assert "Wyczyść filtry" in html


def test_partnership_filter_shows_its_members(client, site_tree):
    html = html_of(client, {"partnership": "zoliborz-oficerski"})
    assert sorted(shown_anchors(html)) == [
        "org-ops-zoliborz",
        "org-sp-392",
        "org-urzad-dzielnicy-zoliborz",
        "org-zgn-zoliborz",
    ]
    assert '?partnership=zoliborz-oficerski" aria-current="true"' in html


def test_filters_combine_and_counts_follow_the_other_filter(client, site_tree):
    html = html_of(client, {"sector": "school", "partnership": "marymont-kaskada"})
    assert sorted(shown_anchors(html)) == ["org-ognisko-marymont", "org-sosw-9"]
    # sector counts within Marymont-Kaskada
    assert option_count(html, "sector=public&amp;partnership=marymont-kaskada") == 2
    # partnership counts within schools
    assert option_count(html, "sector=school&amp;partnership=zoliborz-oficerski") == 1


def test_counts_on_the_unfiltered_page(client, site_tree):
    html = html_of(client)
    assert option_count(html, "sector=public") == 3
    assert option_count(html, "sector=school") == 3
    assert option_count(html, "sector=ngo") == 1
    assert option_count(html, "partnership=marymont-kaskada") == 5
    assert option_count(html, "partnership=sady-zoliborskie") == 0
    assert "Wyczyść filtry" not in html


def test_empty_state_with_a_way_back(client, site_tree):
    html = html_of(client, {"sector": "ngo", "partnership": "sady-zoliborskie"})
    assert shown_anchors(html) == []
    assert "Żadna organizacja nie pasuje do tych filtrów." in html
    assert f'href="{URL}"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"sector": "nonsense"},
        {"sector": "<script>alert(1)</script>"},
        {"partnership": "no-such-partnership"},
        {"partnership": "' OR 1=1 --"},
        {"sector": "x" * 5000, "partnership": "y" * 5000},
    ],
)
def test_invalid_filter_values_give_the_whole_directory_with_a_message(
    client, site_tree, params
):
    html = html_of(client, params)
    assert "Nie ma takiego" in html
    assert len(shown_anchors(html)) == PartnerOrganization.objects.count()
    assert "<script>alert" not in html


def add_organizations(count, start):
    locale = Locale.get_default()
    partnership = PartnershipPage.objects.get(slug="marymont-kaskada")
    for number in range(start, start + count):
        organization = PartnerOrganization.objects.create(
            locale=locale,
            name=f"Organizacja testowa {number}",
            slug=f"testowa-{number}",
            sector="ngo",
            live=True,
        )
        PartnershipMembership.objects.create(
            page=partnership, organization=organization, locale=locale
        )


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        html_of(client, params)
    return len(queries)


@pytest.mark.parametrize(
    "params", [{}, {"sector": "ngo"}, {"partnership": "marymont-kaskada"}]
)
def test_queries_do_not_grow_with_organisations(client, site_tree, params):
    html_of(client)
    add_organizations(1, start=0)
    small = count_queries(client, params)
    add_organizations(12, start=1)
    large = count_queries(client, params)
    assert small == large
    assert len(shown_anchors(html_of(client, params))) >= 13


def test_english_directory_links_english_partnerships(
    client, site_tree, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_directory_and_kaskada(english)
    response = client.get("/en/wspolpraca/z-kim-wspolpracujemy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "EN Ośrodek Pomocy" in html
    assert "Marymont-Kaskada Partnership" in html
    assert 'href="/en/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"' in html
    assert "Partnerstwo „Marymont-Kaskada”" not in html
