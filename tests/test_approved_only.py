"""Nothing unapproved goes public: an organisation an editor added and sent
to moderation is on no public page, feed, search result, street-finder
answer or sitemap, in Polish or English, after the moderator approved the
*page*; a published organisation renamed in a draft keeps its published
name publicly. The page's editor and the moderator's review name the
organisations that wait. Each step through the admin, as an ordinary
account of its group."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState

from cooperation.models import PartnerOrganization, PartnershipPage

from . import factories
from .factories import editor, moderator, partnership_form_data

pytestmark = pytest.mark.django_db

NEW_NAME = "Fundacja Zielenisko"
RENAMED = "Ośrodek Przemianowany"
SNIPPET = "wagtailsnippets_cooperation_partnerorganization"


def the_moderator():
    """The moderators' test account, made on first use."""
    return get_user_model().objects.filter(username="moderator").first() or (
        moderator()
    )


def text(response):
    assert response.status_code == 200, response
    return response.content.decode()


def organisation_data(**fields):
    data = {
        "name": NEW_NAME,
        "short_name": "",
        "former_name": "",
        "description": "Zakłada ogrody społeczne na Żoliborzu.",
        "sector": "ngo",
        "address": "",
        "website": "",
        "logo": "",
        "logo_alt": "",
        "slug": "zielenisko",
        "action-submit": "1",
    }
    data.update(fields)
    return data


def submitted_organisation(client, author=None):
    """A new organisation an editor created and sent to moderation."""
    client.force_login(author or editor())
    response = client.post(reverse(f"{SNIPPET}:add"), organisation_data())
    assert response.status_code == 302, response.context["form"].errors
    organisation = PartnerOrganization.objects.get(slug="zielenisko")
    assert not organisation.live
    assert organisation.workflow_in_progress
    return organisation


def approve(client, url, data, reviewer=None):
    """The moderator's "approve" in an editor's action menu."""
    client.force_login(reviewer or the_moderator())
    data = {**data, "action-workflow-action": "1", "workflow-action-name": "approve"}
    data["workflow-action-extra-data"] = json.dumps({"comment": ""})
    data.pop("action-submit", None)
    return client.post(url, data, follow=True)


def english_versions(page):
    """English pages of the section and of ``page``, published."""
    english = factories.locale("en")
    for organisation in PartnerOrganization.objects.filter(
        locale__language_code="pl", live=True
    ):
        copy = organisation.copy_for_translation(english)
        copy.name = f"EN {organisation.name}"
        copy.live = True
        copy.save()
    site = PartnershipPage.objects.get(pk=page.pk).get_parent()
    for polish, title, slug in [
        (site.get_parent().get_parent(), "Library", "home-en"),
        (site.get_parent(), "Cooperation", "cooperation"),
        (site, "Local partnerships", "local-partnerships"),
    ]:
        factories.translate_page(polish.specific, english, title, slug=slug)
    directory = page.get_parent().get_parent().get_children().exclude(pk=site.pk)
    factories.translate_page(
        directory.get().specific, english, "Who we work with", slug="who-we-work-with"
    )
    translated = factories.translate_page(page, english, "Green Partnership")
    return PartnershipPage.objects.get(pk=translated.pk)


@pytest.fixture
def approved_page_with_waiting_organisation(client, site_tree):
    """An editor adds a new organisation (in moderation) to a new
    partnership and sends it; the moderator approves the page only."""
    organisation = submitted_organisation(client)
    index = site_tree.index
    known = site_tree.organizations["stowarzyszenie-boris"]
    data = partnership_form_data(
        title="Partnerstwo Zielone",
        slug="zielone",
        streets=(("ulica", "Czarnieckiego"),),
        organizations=[known, organisation],
    )
    add = reverse(
        "wagtailadmin_pages:add", args=["cooperation", "partnershippage", index.pk]
    )
    assert client.post(add, data).status_code == 302
    page = PartnershipPage.objects.get(slug="zielone")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = approve(client, edit, data)
    page.refresh_from_db()
    assert page.live
    # The moderator is told what the published page leaves out.
    assert "bez tych organizacji" in text(response)
    assert NEW_NAME in text(response)
    english = english_versions(page)
    # An English version of the organisation waits too.
    copy = organisation.copy_for_translation(factories.locale("en"))
    copy.name = f"EN {NEW_NAME}"
    copy.live = False
    copy.save()
    return organisation, page, english, known


def public_answers(client, page, english):
    """Every public place an organisation could appear, by name."""
    urls = [
        page.url,
        english.url,
        "/wspolpraca/partnerstwa-lokalne/",
        "/wspolpraca/partnerstwa-lokalne/?street=Czarnieckiego",
        "/wspolpraca/partnerstwa-lokalne/?street=Nieznana",
        "/en/cooperation/local-partnerships/?street=Czarnieckiego",
        "/en/cooperation/local-partnerships/?street=Nieznana",
        "/wspolpraca/z-kim-wspolpracujemy/",
        "/en/cooperation/who-we-work-with/",
        "/szukaj/?query=Czarnieckiego",
        "/szukaj/?query=Zielenisko",
        "/en/search/?query=Zielenisko",
        "/szukaj/?query=Przemianowany",
        "/en/search/?query=Przemianowany",
        "/api/partnerships.json",
        "/api/organizations.json",
        "/sitemap.xml",
    ]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        answers[url] = response.content.decode()
        if "?query=" in url:  # the results only: the page repeats the query
            answers[url] = " ".join(
                re.findall(r'class="search-result__title">(.*?)</h', answers[url], re.S)
            )
        elif url.startswith("/api/"):
            answers[url] = json.dumps(response.json(), ensure_ascii=False)
    return answers


def test_an_organisation_in_moderation_is_on_no_public_page(
    client, approved_page_with_waiting_organisation
):
    organisation, page, english, known = approved_page_with_waiting_organisation
    # The coordinator is the same kind of choice: the finder's contact.
    index = page.get_parent().specific
    index.coordinator = organisation
    index.save_revision().publish()
    client.logout()
    answers = public_answers(client, page, english)
    for url, html in answers.items():
        assert "Zielenisko" not in html, url
        assert "zielenisko" not in html, url
    # The page itself is live, with its published member, in both languages.
    assert known.name in answers[page.url]
    assert f"EN {known.name}" in answers[english.url]
    assert "Partnerstwo Zielone" in answers["/wspolpraca/partnerstwa-lokalne/"]
    assert "Partnerstwo Zielone" in answers["/szukaj/?query=Czarnieckiego"]
    assert "Czarnieckiego" in answers["/api/partnerships.json"]

    # Once the moderator approves the organisation, it is there.
    edit = reverse(f"{SNIPPET}:edit", args=[organisation.pk])
    approve(client, edit, organisation_data())
    organisation.refresh_from_db()
    assert organisation.live
    client.logout()
    assert NEW_NAME in text(client.get(page.url))
    assert NEW_NAME in text(client.get("/wspolpraca/z-kim-wspolpracujemy/"))
    assert NEW_NAME in text(client.get("/api/partnerships.json"))
    assert NEW_NAME in text(client.get("/wspolpraca/partnerstwa-lokalne/?street=X"))
    found = text(client.get("/szukaj/?query=Zielenisko"))
    assert "#org-zielenisko" in found
    assert "/wspolpraca/partnerstwa-lokalne/zielone/" in found


def test_a_renamed_organisation_keeps_its_published_name_until_approved(
    client, site_tree
):
    ops = site_tree.organizations["ops-zoliborz"]
    published = ops.name
    page = site_tree.partnerships["marymont-kaskada"]
    english = english_versions(page)
    client.force_login(editor())
    edit = reverse(f"{SNIPPET}:edit", args=[ops.pk])
    data = organisation_data(
        name=RENAMED,
        short_name=ops.short_name,
        description=ops.description,
        sector=ops.sector,
        slug=ops.slug,
        former_name=ops.former_name,
    )
    assert client.post(edit, data).status_code == 302
    ops.refresh_from_db()
    assert ops.workflow_in_progress and ops.has_unpublished_changes
    client.logout()
    answers = public_answers(client, page, english)
    for url, html in answers.items():
        assert "Przemianowany" not in html, url
    assert published in answers[page.url]
    assert published in answers["/wspolpraca/z-kim-wspolpracujemy/"]
    assert published in answers["/wspolpraca/partnerstwa-lokalne/?street=Nieznana"]
    assert published in answers["/api/organizations.json"]

    approve(client, edit, data)
    client.logout()
    assert RENAMED in text(client.get(page.url))
    assert "#org-ops-zoliborz" in text(client.get("/szukaj/?query=Przemianowany"))


def test_the_editor_and_the_review_name_the_waiting_organisations(client, site_tree):
    author, reviewer = editor(), moderator()
    organisation = submitted_organisation(client, author)
    page = site_tree.partnerships["marymont-kaskada"]
    ops = site_tree.organizations["ops-zoliborz"]
    PartnerOrganization.objects.filter(pk=ops.pk).update(has_unpublished_changes=True)
    page.members.create(organization=organisation)
    page.save_revision()
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for user in (author, reviewer):
        client.force_login(user)
        html = text(client.get(edit))
        note = (
            "Te organizacje nie są jeszcze zatwierdzone i nie pojawią się na "
            "opublikowanej stronie, dopóki moderator ich nie opublikuje:"
        )
        assert note in html
        assert f"<strong>{NEW_NAME}</strong> (w moderacji)" in html
        assert "pokazuje ich ostatnią opublikowaną wersję" in html
        assert f"<strong>{ops.name}</strong>" in html
        assert "data-waiting-organisations" in html  # the panel by the list
        client.logout()


def test_a_draft_organisation_is_named_as_a_draft(client, site_tree):
    client.force_login(editor())
    data = organisation_data()
    del data["action-submit"]
    assert client.post(reverse(f"{SNIPPET}:add"), data).status_code == 302
    organisation = PartnerOrganization.objects.get(slug="zielenisko")
    assert not WorkflowState.objects.for_instance(organisation).exists()
    index = site_tree.index
    index.coordinator = organisation
    index.save_revision()
    html = text(client.get(reverse("wagtailadmin_pages:edit", args=[index.pk])))
    assert f"<strong>{NEW_NAME}</strong> (szkic, niewysłany do moderacji)" in html
