"""Page type rules, and creating a partnership through the real admin form."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cooperation.models import (
    CooperationPage,
    PartnerDirectoryPage,
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipPage,
)
from events.models import EventIndexPage, EventPage
from home.models import (
    AccessibilityStatementPage,
    EasyReadPage,
    HomePage,
    SignLanguagePage,
    StandardPage,
)
from news.models import NewsIndexPage, NewsPage
from tests import factories

pytestmark = pytest.mark.django_db


class PageTypeRules(WagtailPageTestCase):
    """Wagtail's own assertions on where each page type may stand."""

    @classmethod
    def setUpTestData(cls):
        factories.polish_site()

    def test_rules(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CooperationPage,
                EventIndexPage,
                StandardPage,
                AccessibilityStatementPage,
                EasyReadPage,
                SignLanguagePage,
                NewsIndexPage,
            },
        )
        self.assertAllowedSubpageTypes(
            CooperationPage, {PartnershipIndexPage, PartnerDirectoryPage}
        )
        self.assertAllowedSubpageTypes(PartnershipIndexPage, {PartnershipPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(PartnershipPage, set())
        self.assertAllowedParentPageTypes(PartnershipPage, {PartnershipIndexPage})
        self.assertAllowedParentPageTypes(PartnershipIndexPage, {CooperationPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        assert not PartnershipPage.can_create_at(CooperationPage.objects.get())
        assert not PartnershipIndexPage.can_create_at(
            CooperationPage.objects.get()
        )  # max 1

    def test_pages_are_renderable(self):
        for model in [HomePage, CooperationPage, PartnershipIndexPage, PartnershipPage]:
            self.assertPageIsRenderable(model.objects.first())


@pytest.fixture
def admin_client(client, site_tree, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(user)
    return client


def partnership_form(**overrides):
    ops = PartnerOrganization.objects.get(slug="ops-zoliborz")
    boris = PartnerOrganization.objects.get(slug="stowarzyszenie-boris")
    data = {
        "title": "Partnerstwo „Nowe Bielany Żoliborskie”",
        "slug": "nowe",
        "founded_year": "2020",
        "founded_month": "3",
        "logo_alt": "",
        "body": streamfield([]),
        "former_names": inline_formset([]),
        "documents": inline_formset([]),
        "streets": inline_formset(
            [
                {"street_type": "ulica", "name": "Włościańska"},
                {"street_type": "aleja", "name": "Armii Krajowej"},
            ],
            min=1,
        ),
        "places": inline_formset([{"kind": "estate", "name": "Nowe Osiedle"}]),
        "members": inline_formset(
            [
                {"organization": ops.pk, "is_initiator": "on", "role": "koordynator"},
                {"organization": boris.pk, "role": ""},
            ]
        ),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url():
    index = PartnershipIndexPage.objects.get()
    return reverse(
        "wagtailadmin_pages:add", args=("cooperation", "partnershippage", index.pk)
    )


def test_editor_creates_a_partnership_that_renders(admin_client):
    response = admin_client.post(add_url(), partnership_form())
    assert response.status_code == 302, response.context["form"].errors
    page = PartnershipPage.objects.get(slug="nowe")
    assert page.live
    assert [s.name for s in page.streets.all()] == ["Włościańska", "Armii Krajowej"]
    assert [m.organization.slug for m in page.members.all()] == [
        "ops-zoliborz",
        "stowarzyszenie-boris",
    ]
    html = admin_client.get(page.url).content.decode()
    assert "Nowe Bielany Żoliborskie" in html
    assert "marzec 2020" in html
    assert "al.\u00a0Armii Krajowej" in html
    assert "koordynator" in html


def test_editor_adds_a_logo(admin_client):
    from wagtail.images import get_image_model

    logo = get_image_model().objects.first()
    response = admin_client.post(add_url(), partnership_form(logo=logo.pk))
    assert response.status_code == 200  # refused: no alternative text
    assert "Opisz logo" in response.content.decode()
    response = admin_client.post(
        add_url(), partnership_form(logo=logo.pk, logo_alt="Logo partnerstwa")
    )
    assert response.status_code == 302
    html = admin_client.get(PartnershipPage.objects.get(slug="nowe").url).content
    assert 'alt="Logo partnerstwa"' in html.decode()


def _refused(admin_client, data, message):
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html, message
    assert not PartnershipPage.objects.filter(slug="nowe").exists()


def test_empty_street_is_refused(admin_client):
    data = partnership_form(
        streets=inline_formset([{"street_type": "aleja", "name": "   "}], min=1)
    )
    _refused(admin_client, data, "To pole jest wymagane")


def test_duplicate_street_is_refused(admin_client):
    data = partnership_form(
        streets=inline_formset(
            [
                {"street_type": "ulica", "name": "Słowackiego"},
                {"street_type": "ulica", "name": "slowackiego "},
            ],
            min=1,
        )
    )
    _refused(admin_client, data, "Ta ulica jest już na liście.")


def test_duplicate_organisation_is_refused(admin_client):
    ops = PartnerOrganization.objects.get(slug="ops-zoliborz")
    data = partnership_form(
        members=inline_formset(
            [{"organization": ops.pk}, {"organization": ops.pk, "role": "x"}]
        )
    )
    _refused(admin_client, data, "Ta organizacja jest już na liście.")
