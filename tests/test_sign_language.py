"""The Polish Sign Language recording as librarians manage it in
the admin (upload, replace, wrong files refused in Polish), as visitors get
it (a self-hosted <video> with captions and a transcript, byte ranges for
seeking), and the readability hint on the easy-to-read page."""

from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import EasyReadPage, SignLanguagePage, SignLanguageRecording
from home.validators import CaptionsFileValidator, VideoFileValidator

from .factories import add_page, editor, in_polish, png_bytes, upload

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
WEBM = (DATA / "pjm-sample.webm").read_bytes()
MP4 = (DATA / "pjm-sample.mp4").read_bytes()
VTT = (DATA / "pjm-sample.vtt").read_bytes()
VTT_2 = (DATA / "pjm-sample-2.vtt").read_bytes()
ADD_URL = "wagtailsnippets_home_signlanguagerecording:add"
EDIT_URL = "wagtailsnippets_home_signlanguagerecording:edit"


def video(name="nagranie.webm", data=WEBM, content_type="video/webm"):
    return upload(name, data, content_type)


def captions(name="napisy.vtt", data=VTT):
    return upload(name, data, "text/vtt")


@pytest.fixture
def editor_client(client, site_tree):
    client.force_login(editor())
    return client


@pytest.fixture
def pjm_page(site_tree):
    page = SignLanguagePage(
        title="Polski Język Migowy (PJM)",
        slug="polski-jezyk-migowy",
        intro="Informacje w PJM.",
        transcript="<p>Dzień dobry. Jesteśmy biblioteką na Żoliborzu.</p>",
    )
    return add_page(site_tree.home, page)


def add_recording(client, **files):
    data = {"title": "Informacje o bibliotece w PJM", "video": video()}
    data["captions"] = captions()
    data.update(files)
    return client.post(reverse(ADD_URL), data)


def show_recording(page, recording):
    page.recording = recording
    page.save_revision().publish()
    return page.url


def test_editor_uploads_a_recording_that_plays_from_the_site(
    editor_client, client, pjm_page
):
    response = add_recording(editor_client)
    assert response.status_code == 302, response.content.decode()[:2000]
    recording = SignLanguageRecording.objects.get()
    url = show_recording(pjm_page, recording)
    html = client.get(url).content.decode()
    assert "<video controls" in html
    assert "autoplay" not in html
    assert f'<source src="/pjm/{recording.pk}/video/" type="video/webm">' in html
    assert (
        f'<track kind="captions" src="/pjm/{recording.pk}/captions/" srclang="pl"'
        in html
    )
    assert " default>" in html
    assert "Dzień dobry. Jesteśmy biblioteką na Żoliborzu." in html
    assert 'id="transcript-heading"' in html
    assert "Nagranie w polskim języku migowym z napisami po polsku." in html

    played = client.get(f"/pjm/{recording.pk}/video/")
    assert played.status_code == 200
    assert played["Content-Type"] == "video/webm"
    assert played["Accept-Ranges"] == "bytes"
    assert b"".join(played.streaming_content) == WEBM
    track = client.get(f"/pjm/{recording.pk}/captions/")
    assert track["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(track.streaming_content) == VTT


def test_video_answers_byte_ranges_for_seeking(client, site_tree):
    recording = SignLanguageRecording(title="PJM")
    recording.video = video()
    recording.captions = captions()
    recording.save()
    url = f"/pjm/{recording.pk}/video/"
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == WEBM[100:200]
    assert part["Content-Range"] == f"bytes 100-199/{len(WEBM)}"
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.content == WEBM[-10:]
    beyond = client.get(url, headers={"Range": f"bytes={len(WEBM) + 5}-"})
    assert beyond.status_code == 416
    assert client.get(f"/pjm/{recording.pk}/poster/").status_code == 404
    assert client.get(f"/pjm/{recording.pk}/other/").status_code == 404
    assert client.get(f"/pjm/{recording.pk + 99}/video/").status_code == 404


def test_editor_replaces_the_video_and_the_captions(editor_client, client, pjm_page):
    add_recording(editor_client)
    recording = SignLanguageRecording.objects.get()
    url = show_recording(pjm_page, recording)
    response = editor_client.post(
        reverse(EDIT_URL, args=[recording.pk]),
        {
            "title": "Informacje o bibliotece w PJM (2027)",
            "video": video("nowe-nagranie.mp4", MP4, "video/mp4"),
            "captions": captions("nowe-napisy.vtt", VTT_2),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(url).content.decode()
    assert f'<source src="/pjm/{recording.pk}/video/" type="video/mp4">' in html
    assert SignLanguageRecording.objects.get().title.endswith("(2027)")
    played = client.get(f"/pjm/{recording.pk}/video/")
    assert b"".join(played.streaming_content) == MP4
    track = client.get(f"/pjm/{recording.pk}/captions/")
    assert b"".join(track.streaming_content) == VTT_2


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"video": video("film.avi", WEBM, "video/x-msvideo")},
            "Choose a video file in MP4 or WebM format (.mp4, .webm).",
        ),
        (
            {"video": video("film.mp4", png_bytes(), "video/mp4")},
            "This file is not an MP4 or WebM video, whatever its name says. "
            "Export the recording again as MP4 (H.264) or WebM.",
        ),
        (
            {"video": video("film.mp4", WEBM, "video/mp4")},
            "This file is not an MP4 or WebM video, whatever its name says. "
            "Export the recording again as MP4 (H.264) or WebM.",
        ),
        (
            {"captions": captions("napisy.srt", b"1\n00:00:00,000 --> 00:00:01,000\n")},
            "Choose a captions file in WebVTT format (.vtt).",
        ),
        (
            {"captions": captions("napisy.vtt", b"1\n00:00:00.000 --> 00:00:01.000\n")},
            "This is not a WebVTT captions file: its first line must be “WEBVTT” "
            "and it must be saved in UTF-8.",
        ),
        (
            {"captions": captions("napisy.vtt", "WEBVTT\n\nŻółw".encode("cp1250"))},
            "This is not a WebVTT captions file: its first line must be “WEBVTT” "
            "and it must be saved in UTF-8.",
        ),
    ],
    ids=[
        "video-extension",
        "image-named-mp4",
        "webm-named-mp4",
        "srt-captions",
        "vtt-without-header",
        "vtt-not-utf8",
    ],
)
def test_a_wrong_file_is_refused_with_a_polish_message(editor_client, files, message):
    response = add_recording(editor_client, **files)
    assert response.status_code == 200
    html = response.content.decode()
    assert in_polish(message) in html
    assert in_polish(message) != message  # the Polish catalogue has it
    assert not SignLanguageRecording.objects.exists()


def test_a_too_large_video_is_refused_in_polish(editor_client, settings):
    settings.SIGN_LANGUAGE_VIDEO_MAX_BYTES = 1000
    response = add_recording(editor_client)
    html = response.content.decode()
    assert "Plik jest za duży" in html
    assert not SignLanguageRecording.objects.exists()


def test_validators_accept_the_real_samples():
    VideoFileValidator()(video())
    VideoFileValidator()(video("a.mp4", MP4, "video/mp4"))
    CaptionsFileValidator()(captions())
    CaptionsFileValidator()(captions("b.vtt", b"\xef\xbb\xbfWEBVTT - PJM\n\n"))


def test_saving_an_easy_read_page_shows_its_readability(admin_client, site_tree):
    page = add_page(
        site_tree.home,
        EasyReadPage(title="Tekst łatwy do czytania", slug="tekst-latwy-do-czytania"),
    )
    long = (
        "To zdanie jest bardzo długie, ponieważ opisuje szczegółowo wszystkie "
        "zawiłości współpracy międzyinstytucjonalnej naszej biblioteki z wieloma "
        "partnerami."
    )
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": "Kim jesteśmy",
                            "pictogram": "library",
                            "text": rich_text(f"<p>Krótko.</p><p>{long}</p>"),
                        },
                    )
                ]
            ),
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
    )
    html = response.content.decode()
    assert "Czytelność: zdań: 2, średnio słów w zdaniu: 9,0" in html
    assert "najdłuższe zdanie: 17 słów" in html
    assert "międzyinstytucjonalnej" in html
    assert "żadnego dłuższego niż 15" in html


def test_librarians_choose_the_pages_and_pjm_contact_in_the_settings(
    admin_client, site_tree
):
    site = site_tree.home.get_site()
    response = admin_client.get(
        reverse("wagtailsettings:edit", args=["site_settings", "sitesettings", site.pk])
    )
    html = response.content.decode().lower()  # Wagtail capitalises labels
    assert response.status_code == 200
    for label in (
        "strona w tekście łatwym do czytania (ETR)",
        "strona w polskim języku migowym (PJM)",
        "kontakt w polskim języku migowym",
        "numer do wiadomości tekstowych (sms)",
    ):
        assert label.lower() in html


def test_the_easy_read_editor_shows_the_writing_guidance(admin_client, site_tree):
    page = add_page(
        site_tree.home,
        EasyReadPage(title="Tekst łatwy do czytania", slug="tekst-latwy-do-czytania"),
    )
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    assert "Jak pisać tekst łatwy do czytania." in html
    assert "nigdy więcej niż 15" in html
