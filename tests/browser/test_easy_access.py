"""In Chromium: the Polish Sign Language page with a recording plays
its self-hosted video with captions, loads nothing from another host, is
usable by keyboard and passes axe, in both languages; the header's ETR and
PJM links work by keyboard."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import SCREENSHOT_DIR
from .test_axe import violations

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"
PJM_PATHS = ["/polski-jezyk-migowy/", "/en/polish-sign-language/"]


@pytest.fixture(scope="module")
def recorded(live_site, django_db_blocker):
    """The seeded site, with a recording (video, captions, poster) on the PJM
    page as a librarian would add it."""
    from home.models import SignLanguagePage, SignLanguageRecording
    from tests.factories import image

    with django_db_blocker.unblock():
        recording = SignLanguageRecording(title="Informacje o bibliotece w PJM")
        recording.video = SimpleUploadedFile(
            "pjm.webm", (DATA / "pjm-sample.webm").read_bytes()
        )
        recording.captions = SimpleUploadedFile(
            "pjm.vtt", (DATA / "pjm-sample.vtt").read_bytes()
        )
        recording.poster = image(title="Tłumaczka PJM", width=320, height=180)
        recording.save()
        page = SignLanguagePage.objects.get(locale__language_code="pl")
        page.recording = recording
        page.save_revision().publish()
        # The English page keeps the recording in sync, as wagtail-localize does.
        english = SignLanguagePage.objects.get(locale__language_code="en")
        english.recording = recording
        english.save_revision().publish()
    return live_site


VIDEO_STATE = """async () => {
    const video = document.querySelector('video');
    if (video.readyState < 1) {
        await new Promise(
            r => video.addEventListener('loadedmetadata', r, {once: true}));
    }
    const track = video.textTracks[0];
    for (let i = 0; i < 50 && !(track.cues && track.cues.length); i++) {
        await new Promise(r => setTimeout(r, 100));
    }
    return {
        autoplay: video.autoplay, paused: video.paused, controls: video.controls,
        duration: Math.round(video.duration), poster: video.poster,
        kind: track.kind, language: track.language, mode: track.mode,
        cues: track.cues ? [...track.cues].map(c => c.text) : [],
    };
}"""


@pytest.mark.parametrize("path", PJM_PATHS)
def test_pjm_video_plays_with_captions_from_the_site_only(page, recorded, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(recorded(path))
    state = page.evaluate(VIDEO_STATE)
    assert state["controls"] and not state["autoplay"] and state["paused"]
    assert state["duration"] == 2
    assert state["poster"].endswith("/poster/")
    assert (state["kind"], state["language"], state["mode"]) == (
        "captions",
        "pl",
        "showing",
    )
    assert state["cues"] == ["Dzień dobry.", "Jesteśmy biblioteką na Żoliborzu."]
    assert page.locator("#transcript-heading").is_visible()
    own = urlsplit(recorded.url).netloc
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {own}, requested
    assert any(url.endswith("/video/") for url in requested)
    assert any(url.endswith("/captions/") for url in requested)
    # Artefacts for a person to look at, not assertions.
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    name = "pjm_with_recording_" + ("en" if path.startswith("/en/") else "pl")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(
            path=str(SCREENSHOT_DIR / f"{name}-{width}.png"), full_page=True
        )


def test_pjm_video_is_reached_and_played_by_keyboard(page, recorded):
    page.goto(recorded(PJM_PATHS[0]))
    page.evaluate(VIDEO_STATE)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "VIDEO":
            break
    else:
        pytest.fail("Tab never reaches the video")
    page.keyboard.press("Space")
    page.wait_for_function("!document.querySelector('video').paused", timeout=5000)
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('video').paused", timeout=5000)


@pytest.mark.parametrize("path", PJM_PATHS)
def test_pjm_page_with_a_recording_passes_axe(page, recorded, path):
    page.goto(recorded(path))
    page.evaluate(VIDEO_STATE)
    assert violations(page) == []


def test_header_symbols_lead_to_etr_and_pjm_by_keyboard(page, recorded):
    for start, etr, pjm in [
        ("/", "/tekst-latwy-do-czytania/", "/polski-jezyk-migowy/"),
        ("/en/", "/en/easy-read/", "/en/polish-sign-language/"),
    ]:
        page.goto(recorded(start))
        link = page.locator(".site-header .easy-access__link").first
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(recorded(etr))
        assert page.locator("h1").count() == 1
        page.locator(".site-header .easy-access__link").nth(1).focus()
        page.keyboard.press("Enter")
        page.wait_for_url(recorded(pjm))
        # Each symbol is an image with a text alternative in its file, and the
        # link's own text names the page.
        for src in ("etr.svg", "pjm.svg"):
            svg = page.request.get(recorded(f"/static/img/{src}"))
            assert svg.ok and b"<title" in svg.body()
