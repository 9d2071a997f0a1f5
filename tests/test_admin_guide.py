"""The librarians' guide: inside the admin, linked from the dashboard and the
menu, readable by every group, and safe to render."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from cooperation.models import PartnershipIndexPage, PartnershipPage
from site_settings.admin_ui.guide import markdown_to_html

from .factories import editor, moderator, translator

pytestmark = pytest.mark.django_db

TOPICS = [
    "Dodanie partnerstwa",
    "Zmiana ulic partnerstwa",
    "Dodanie organizacji partnerskiej",
    "Tłumaczenie na angielski",
    "Publikowanie i moderacja",
]


@pytest.mark.parametrize("make_user", [editor, moderator, translator])
def test_every_group_reads_the_guide(client, site_tree, make_user):
    client.force_login(make_user())
    url = reverse("librarian_guide")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for topic in TOPICS:
        assert f">{topic}</h2>" in html
        assert f">{topic}</a>" in html  # table of contents

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{url}"' in dashboard  # the dashboard panel
    assert f'"{url}"' in dashboard.split('id="wagtail-sidebar-props"')[1]  # menu


def test_guide_needs_an_admin_account(client, site_tree):
    response = client.get(reverse("librarian_guide"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_markdown_is_escaped_and_structured():
    html, toc = markdown_to_html(
        "# Tytuł\n\n## Sekcja\n\nTekst <script>alert(1)</script> i **ważne**.\n\n"
        "1. pierwszy\n2. drugi `kod`\n\n- punkt\n  ciąg dalszy\n"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>ważne</strong>" in html
    assert "<ol><li>pierwszy</li><li>drugi <code>kod</code></li></ol>" in html
    assert "<ul><li>punkt ciąg dalszy</li></ul>" in html
    assert "Tytuł" not in html
    assert toc == [("sekcja", "Sekcja")]


def test_translators_reach_every_polish_page_from_the_translations_list(
    client, site_tree, django_capture_on_commit_callbacks
):
    client.force_login(translator())
    url = reverse("translation_queue")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    submit = reverse("wagtail_localize:submit_page_translation", args=[1])[:-2]
    polish_pages = Page.objects.filter(locale__language_code="pl", depth__gt=1)
    # every Polish page, none translated yet
    assert html.count(submit) == polish_pages.count() >= 8
    assert "Ośrodek Pomocy Społecznej" in html
    sidebar = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"{url}"' in sidebar

    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [Locale.objects.get(language_code="en").pk]},
        )
    translated = page.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[translated.pk]) in html


def test_translations_list_is_for_translators_only(client, site_tree):
    user = editor()
    user.groups.clear()
    client.force_login(user)
    assert client.get(reverse("translation_queue")).status_code in (302, 403)


def test_translations_list_queries_do_not_grow_with_content(
    client, site_tree, django_assert_max_num_queries
):
    client.force_login(translator())
    url = reverse("translation_queue")
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    index_page = PartnershipIndexPage.objects.get(locale__language_code="pl")
    for number in range(5):
        index_page.add_child(
            instance=PartnershipPage(
                title=f"Partnerstwo testowe {number}",
                slug=f"testowe-{number}",
                founded_year=2020,
            )
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
