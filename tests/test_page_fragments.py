"""A page's cached fragments (rows, members, breadcrumbs) never stand in for
what an editor previews, and a preview never fills them."""

import pytest

from cooperation.models import (
    PartnerOrganization,
    PartnershipMembership,
    PartnershipStreet,
)

from . import factories

pytestmark = pytest.mark.django_db


def test_a_preview_shows_the_rows_being_edited_not_the_cached_ones(client):
    site = factories.polish_site()
    page = site.partnerships["marymont-kaskada"]
    client.get(page.url)  # the fragments are warm
    organization = PartnerOrganization.objects.filter(locale=page.locale).last()
    page.title = "Tytuł w podglądzie"
    page.streets = [PartnershipStreet(street_type="ulica", name="Podglądowa")]
    page.members = [PartnershipMembership(organization=organization)]

    preview = page.make_preview_request().render().content.decode()

    assert "Tytuł w podglądzie" in preview
    assert "Podglądowa" in preview
    assert organization.name in preview
    published = client.get(page.url).content.decode()
    assert "Podglądowa" not in published
    assert "Tytuł w podglądzie" not in published


def test_the_directory_keeps_a_fragment_per_filter(client):
    site = factories.polish_site()
    url = site.directory.url
    client.get(url)  # the unfiltered list is warm
    filtered = client.get(url, {"sector": "ngo"}).content.decode()
    assert f'href="{url}?sector=ngo" aria-current="true"' in filtered
    unfiltered = client.get(url).content.decode()
    assert f'href="{url}?sector=ngo" aria-current="true"' not in unfiltered
