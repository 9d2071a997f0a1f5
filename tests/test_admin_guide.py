"""The librarians' guide: inside the admin, linked from the dashboard and the
menu, readable by every group, and safe to render."""

import pytest
from django.urls import reverse

from site_settings.guide import markdown_to_html

from .admin_helpers import editor, moderator, translator

pytestmark = pytest.mark.django_db

TOPICS = [
    "Dodanie partnerstwa",
    "Zmiana ulic partnerstwa",
    "Dodanie organizacji partnerskiej",
    "Tłumaczenie na angielski",
    "Publikowanie i moderacja",
]


@pytest.mark.parametrize("make_user", [editor, moderator, translator])
def test_every_group_reads_the_guide(client, seeded, make_user):
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


def test_guide_needs_an_admin_account(client, seeded):
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
