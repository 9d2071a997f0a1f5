"""A first visit of any public page transfers at most 100 KB, of which at most
10 KB JavaScript, and the HTML comes compressed.

Measured in Chromium with an empty cache: every request the page makes until
it has loaded (HTML, styles, scripts, images, fonts), by the bytes that
crossed the wire (Playwright's ``request.sizes()``: headers and the encoded
body). Static files come from the test server uncompressed, so the figures
are an upper bound of what production's WhiteNoise (gzip/Brotli) sends.
"""

import pytest

pytestmark = pytest.mark.browser

MAX_TOTAL = 100 * 1024
MAX_SCRIPT = 10 * 1024


def first_visit(browser, url):
    """(bytes in all, bytes of script, the document's Content-Encoding,
    number of requests) of one visit with an empty cache."""
    context = browser.new_context()
    try:
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        response = page.goto(url, wait_until="load")
        total = script = 0
        for request in finished:
            sizes = request.sizes()
            weight = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            total += weight
            if request.resource_type == "script":
                script += weight
        encoding = response.headers.get("content-encoding", "")
        return total, script, encoding, len(finished)
    finally:
        context.close()


def test_every_public_page_is_light_on_a_first_visit(browser, live_site):
    heavy, uncompressed, measured = [], [], {}
    for path in live_site.public_paths:
        total, script, encoding, requests = first_visit(browser, live_site(path))
        measured[path] = (total, script)
        assert requests >= 2, f"{path}: the stylesheet was not counted"
        if total > MAX_TOTAL or script > MAX_SCRIPT:
            heavy.append(f"{path}: {total} bytes, {script} of script")
        if encoding not in {"gzip", "br"}:
            uncompressed.append(f"{path}: Content-Encoding {encoding!r}")
    heaviest = max(measured, key=lambda path: measured[path][0])
    print(f"heaviest first visit: {heaviest}, {measured[heaviest]} (bytes, script)")
    assert not heavy, "\n".join(heavy)
    assert not uncompressed, "\n".join(uncompressed)
    # The measurement sees real pages: the home page and a partnership page
    # are each several kilobytes on the wire.
    assert all(total > 2000 for total, _script in measured.values()), measured
