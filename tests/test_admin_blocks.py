"""The block picker: every body block has an icon, a description and a
preview an editor can open."""

import pytest
from django.urls import reverse

from home.blocks import BodyStreamBlock

from .factories import editor, logo_image

pytestmark = pytest.mark.django_db


def preview(client, block):
    return client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )


def test_every_block_has_icon_description_and_preview(client, db):
    client.force_login(editor())
    logo_image("Zdjęcie z pikniku")
    for name, block in BodyStreamBlock().child_blocks.items():
        assert block.meta.icon not in ("", "placeholder"), name
        assert block.get_description(), name
        assert block.is_previewable, name
        response = preview(client, block)
        assert response.status_code == 200, name
    image_block = BodyStreamBlock().child_blocks["image"]
    html = preview(client, image_block).content.decode()
    assert "<figure" in html and 'alt="Zdjęcie z pikniku"' in html


def test_image_block_preview_without_any_image_is_not_an_error(client, db):
    client.force_login(editor())
    response = preview(client, BodyStreamBlock().child_blocks["image"])
    assert response.status_code == 200
