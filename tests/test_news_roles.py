"""News through the librarians' roles, in the real admin forms: an editor
writes an item about a partnership and submits it, a moderator publishes it,
a translator translates it and cannot publish; the translations list names
it."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowPage
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cooperation.roles import EDITORS, MODERATORS, WORKFLOW_NAME
from news.models import NewsPage

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(site_tree):
    # A new section gets the roles and the workflow when it is created.
    return factories.news_index(site_tree.home)


def news_form(partnership, action="action-submit"):
    data = nested_form_data(
        {
            "title": "Sprzątanie parku Kaskada",
            "slug": "sprzatanie-parku",
            "date": "2026-11-28",
            "author": "Redakcja biblioteki",
            "lead": "Sąsiedzi posprzątali park w sobotę.",
            "body": streamfield([("paragraph", rich_text("<p>Dziękujemy!</p>"))]),
            "partnership_rows": inline_formset([{"partnership": partnership.pk}]),
            "image": "",
            "image_alt": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data[action] = "1"
    return data


def create_as_editor(client, news_index, partnership):
    client.force_login(factories.editor())
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk]),
        news_form(partnership),
    )
    assert response.status_code == 302, response.context["form"].errors
    return NewsPage.objects.get(slug="sprzatanie-parku")


def test_news_index_is_a_section_of_the_roles(news_index):
    granted = set(
        GroupPagePermission.objects.filter(page=news_index).values_list(
            "group__name", "permission__codename"
        )
    )
    assert (EDITORS, "add_page") in granted
    assert (EDITORS, "publish_page") not in granted
    assert (MODERATORS, "publish_page") in granted
    assert WorkflowPage.objects.get(page=news_index).workflow.name == WORKFLOW_NAME


def test_editor_writes_news_of_a_partnership_and_submits_it(
    client, news_index, site_tree
):
    kaskada = site_tree.partnerships["marymont-kaskada"]
    page = create_as_editor(client, news_index, kaskada)
    assert not page.live
    assert [row.partnership for row in page.partnership_rows.all()] == [kaskada]
    assert page.current_workflow_state.status == "in_progress"
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        news_form(kaskada, action="action-publish"),
    )
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get(page.url).status_code == 404
    assert "Sprzątanie parku" not in client.get(kaskada.url).content.decode()


def test_moderator_publishes_and_the_item_shows_everywhere(
    client, news_index, site_tree
):
    kaskada = site_tree.partnerships["marymont-kaskada"]
    page = create_as_editor(client, news_index, kaskada)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(factories.moderator())
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    for url in (page.url, news_index.url, kaskada.url, "/", "/aktualnosci/rss.xml"):
        assert "Sprzątanie parku Kaskada" in client.get(url).content.decode(), url


def test_translator_translates_news_but_cannot_publish_it(
    client, news_index, site_tree, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    item = factories.publish(
        factories.news_item(
            news_index,
            "Piknik",
            partnerships=[site_tree.partnerships["marymont-kaskada"]],
        )
    )
    user = factories.translator()
    client.force_login(user)
    queue = client.get(reverse("translation_queue")).content.decode()
    assert "Piknik" in queue and "Aktualności" in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[item.pk]),
            {"locales": [english.pk], "include_subtree": ""},
        )
    assert response.status_code == 302
    translated = item.get_translation(english)
    assert translated.permissions_for_user(user).can_edit()
    assert not translated.permissions_for_user(user).can_publish()
    assert not item.permissions_for_user(user).can_edit()
    # The partnerships it concerns are the same in every language.
    assert [r.partnership_id for r in translated.specific.partnership_rows.all()] == [
        r.partnership_id for r in item.partnership_rows.all()
    ]
