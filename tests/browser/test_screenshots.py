"""Screenshots of every public page at phone and desktop widths, written to
artifacts/screenshots/ for a person to review the whole site at once. They
are artefacts, not assertions."""

import re

import pytest

from .conftest import SCREENSHOT_DIR

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]


def file_name(path, width):
    name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "home"
    return f"{name}-{width}.png"


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_every_public_page(browser, live_site, width):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    written = []
    for path in live_site.public_paths:
        page.goto(live_site(path))
        target = SCREENSHOT_DIR / file_name(path, width)
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
    context.close()
    assert all(target.stat().st_size > 0 for target in written)
