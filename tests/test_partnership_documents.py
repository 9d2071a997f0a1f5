"""A partnership's documents: the ordered list with format, size and
language; uploads limited to the library's formats and size, refused in
Polish; files served only once a published page links them, never kept by
the page cache."""

import json

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cooperation.models import PartnershipDocument
from cooperation.models.documents import size_label

from . import factories

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def document(title, name, data):
    instance = get_document_model()(title=title)
    instance.file.save(name, ContentFile(data), save=False)
    instance.file_size = len(data)
    instance.save()
    return instance


def attach(page, rows):
    page.documents = [
        PartnershipDocument(document=doc, title=title, language=language)
        for doc, title, language in rows
    ]
    return page


@pytest.fixture
def kaskada(site_tree, django_capture_on_commit_callbacks):
    page = site_tree.partnerships["marymont-kaskada"]
    agreement = document("Umowa", "umowa.pdf", PDF + b"x" * (240 * 1024))
    minutes = document("Protokół", "protokol.odt", b"PK\x03\x04" + b"y" * 800)
    attach(
        page,
        [
            (agreement, "Umowa partnerska (2013)", "pl"),
            (minutes, "Protokół ze spotkania, listopad 2026", "pl-en"),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(page)
    return page, agreement, minutes


def test_sizes_read_as_people_say_them():
    assert size_label(830) == "830 B"
    assert size_label(240 * 1024 + 100) == "240 KB"
    with translation.override("pl"):
        assert size_label(1_300_000) == "1,2 MB"
    with translation.override("en"):
        assert size_label(1_300_000) == "1.2 MB"


def test_partnership_lists_its_documents_in_order_with_format_size_language(
    client, kaskada
):
    page, agreement, minutes = kaskada
    html = client.get(page.url).content.decode()
    assert '<h2 id="documents-heading">Dokumenty</h2>' in html
    first = html.index("Umowa partnerska (2013)")
    assert first < html.index("Protokół ze spotkania, listopad 2026")
    assert (
        f'<a href="{agreement.url}" hreflang="pl">Umowa partnerska (2013)</a>' in html
    )
    assert "(PDF, 240 KB, po polsku)" in html
    assert "(ODT, 804 B, po polsku i angielsku)" in html


def test_partnership_without_documents_has_no_documents_heading(client, site_tree):
    html = client.get(site_tree.partnerships["sady-zoliborskie"].url).content.decode()
    assert "documents-heading" not in html


def test_english_page_shows_the_same_files_in_english_words(client, kaskada, english):
    page, agreement, _minutes = kaskada
    translated = factories.translate_page(page, english, "Marymont-Kaskada")
    html = client.get(translated.url).content.decode()
    assert agreement.url in html
    assert "(PDF, 240 KB, in Polish)" in html


def test_published_document_is_served_streamed_and_never_kept(
    client, kaskada, settings
):
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    _page, agreement, _minutes = kaskada
    for _ in range(2):
        response = client.get(agreement.url)
        assert response.status_code == 200
        assert response.streaming
        assert response.get("X-Cache") != "hit"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # Nothing a shared proxy (Varnish) may keep for a while.
    assert "max-age=6" not in response.get("Cache-Control", "")
    assert response["Content-Type"] == "application/pdf"


def test_document_of_a_draft_only_is_not_served_to_visitors(
    client, site_tree, django_capture_on_commit_callbacks
):
    page = site_tree.partnerships["sady-zoliborskie"]
    draft_only = document("Projekt", "projekt.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        attach(page, [(draft_only, "Projekt umowy", "pl")]).save_revision()
    assert client.get(draft_only.url).status_code == 404
    assert "Projekt umowy" not in client.get(page.url).content.decode()
    editor = factories.editor()
    client.force_login(editor)
    assert client.get(draft_only.url).status_code == 200
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert client.get(draft_only.url).status_code == 200


def test_document_of_an_unpublished_page_is_withdrawn(client, kaskada):
    page, agreement, _minutes = kaskada
    page.unpublish()
    caches["pages"].clear()
    assert client.get(agreement.url).status_code == 404


def test_unattached_upload_is_not_public(client, site_tree):
    loose = document("Luźny", "luzny.txt", b"Notatka robocza.")
    assert client.get(loose.url).status_code == 404


# Uploads (Wagtail's single and multiple upload views use the same form).


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(factories.editor())
    return client


def upload(client, name, data, view="wagtaildocs:add"):
    """What the librarian reads after uploading: the form page, or the
    multiple-upload view's JSON answer."""
    form = {"collection": Collection.objects.first().pk}
    if view == "wagtaildocs:add":
        form.update(title=name, file=SimpleUploadedFile(name, data))
    else:
        form["files[]"] = SimpleUploadedFile(name, data)
    response = client.post(reverse(view), form)
    if response["Content-Type"].startswith("application/json"):
        return response, json.dumps(response.json(), ensure_ascii=False)
    return response, response.content.decode()


@pytest.mark.parametrize("view", ["wagtaildocs:add", "wagtaildocs:add_multiple"])
def test_real_pdf_is_accepted(editor_client, view):
    response, _text = upload(editor_client, "sprawozdanie.pdf", PDF, view)
    assert response.status_code in (200, 302)
    assert get_document_model().objects.filter(file__contains="sprawozdanie").exists()


@pytest.mark.parametrize("view", ["wagtaildocs:add", "wagtaildocs:add_multiple"])
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("wirus.exe", b"MZ\x90\x00", "przyjmujemy tylko pliki PDF, ODT, DOCX"),
        ("stary.rtf", b"{\\rtf1 tekst}", "przyjmujemy tylko pliki PDF, ODT, DOCX"),
        ("obraz.pdf", factories.png_bytes(10, 10), "nie jest prawdziwym plikiem PDF"),
        ("tabela.ods", b"PK\x03\x04" + b"z" * 100, "nie jest prawdziwym plikiem ODS"),
        ("dane.csv", b"a;b\x00\x01", "nie jest prawdziwym plikiem CSV"),
    ],
)
def test_other_formats_are_refused_in_polish(editor_client, view, name, data, message):
    response, text = upload(editor_client, name, data, view)
    assert response.status_code in (200, 400)
    assert message in text
    assert not get_document_model().objects.exists()


def test_too_big_a_file_is_refused_in_polish(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    _response, text = upload(editor_client, "duzy.pdf", PDF + b"x" * 2048)
    assert "Ten plik jest za duży (2,1\xa0KB). Można dodać pliki do 1,0\xa0KB" in text
    assert "niedozwolone" not in text
    assert not get_document_model().objects.exists()
