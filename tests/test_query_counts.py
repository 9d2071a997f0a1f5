"""Listing pages cost the same number of SQL queries for 4 and 40 partnerships."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipMembership,
    PartnershipPage,
    PartnershipPlace,
    PartnershipStreet,
)

pytestmark = pytest.mark.django_db


def tiny_image(number):
    buffer = io.BytesIO()
    PILImage.new("RGB", (48, 32), (number * 7 % 255, 90, 60)).save(buffer, "PNG")
    image = get_image_model()(title=f"Logo {number}")
    image.file = ImageFile(buffer, name=f"logo-{number}.png")
    image.save()
    return image


def add_partnerships(count):
    index = PartnershipIndexPage.objects.get()
    organizations = list(PartnerOrganization.objects.all()[:3])
    for number in range(count):
        page = PartnershipPage(
            title=f"Partnerstwo testowe {number}",
            slug=f"testowe-{number}",
            founded_year=2015,
            founded_month=(number % 12) + 1,
            logo=tiny_image(number),
            logo_alt="Logo testowe",
            streets=[PartnershipStreet(name=f"Testowa {number}")],
            places=[PartnershipPlace(name=f"Osiedle {number}")],
            members=[PartnershipMembership(organization=o) for o in organizations],
        )
        index.add_child(instance=page)


def queries_for(client, url):
    client.get(url)  # warm caches that are per process, not per page size
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_partnerships(client, site_tree):
    url = PartnershipIndexPage.objects.get().url
    small = queries_for(client, url)
    add_partnerships(36)
    large = queries_for(client, url)
    assert PartnershipPage.objects.count() == 40
    assert small == large, (small, large)
    assert "Partnerstwo testowe 35" in client.get(url).content.decode()


def test_directory_queries_do_not_grow_with_organisations(client, site_tree):
    url = "/wspolpraca/z-kim-wspolpracujemy/"
    small = queries_for(client, url)
    for number in range(30):
        PartnerOrganization.objects.create(
            name=f"Organizacja {number}",
            slug=f"org-{number}",
            live=True,
            sector="ngo" if number % 2 else "culture",
        )
    large = queries_for(client, url)
    assert small == large, (small, large)


def test_partnership_page_queries_do_not_grow_with_members(client, site_tree):
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    small = queries_for(client, page.url)
    present = page.members.values_list("organization", flat=True)
    for organization in PartnerOrganization.objects.exclude(pk__in=present):
        PartnershipMembership.objects.create(page=page, organization=organization)
    large = queries_for(client, page.url)
    assert small == large, (small, large)
