"""Areas above the floor add sections to the home and partnership pages
through Wagtail's hooks, without the floor importing them."""

import pytest
from wagtail import hooks

from home.sections import PAGE_SECTIONS, Section

from . import factories

pytestmark = pytest.mark.django_db


def upcoming(page, request):
    if page.specific_class.__name__ == "PartnershipPage":
        return Section("includes/test_section.html", {"word": "Spotkanie"}, order=2)
    return None


def first(page, request):
    return Section("includes/test_section.html", {"word": "Najpierw"}, order=1)


def test_registered_sections_render_on_their_pages_in_order(client, settings, tmp_path):
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "test_section.html").write_text(
        "<p class=t>{{ word }} – {{ page.title }}</p>"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]
    site = factories.polish_site()
    partnership = site.partnerships["marymont-kaskada"]
    with (
        hooks.register_temporarily(PAGE_SECTIONS, upcoming),
        hooks.register_temporarily(PAGE_SECTIONS, first),
    ):
        page = client.get(partnership.url).content.decode()
        home = client.get("/").content.decode()

    assert page.index("Najpierw –") < page.index(f"Spotkanie – {partnership.title}")
    assert "Najpierw – " in home
    assert "Spotkanie" not in home
