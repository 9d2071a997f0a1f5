"""Keyboard, zoom, reflow and motion: what WCAG 2.1 AA asks beyond axe's
automatic rules, checked in Chromium."""

import pytest

pytestmark = pytest.mark.browser

KEYBOARD_PATHS = [
    "/",
    "/wspolpraca/partnerstwa-lokalne/",
    "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/",
    "/wspolpraca/z-kim-wspolpracujemy/",
    # The easy-to-read and sign-language pages.
    "/tekst-latwy-do-czytania/",
    "/polski-jezyk-migowy/",
]

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        cls: el.className,
        text: (el.innerText || el.value || '').trim().slice(0, 60),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
        visible: box.width > 0 && box.height > 0 && box.bottom > 0
            && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
}"""

TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'
)].filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length
    && getComputedStyle(el).visibility !== 'hidden').length"""


def tab_through(page, limit=200):
    """Press Tab until focus leaves the document or comes round again."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or (stops and focused == stops[0]):
            break
        stops.append(focused)
    return stops


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_site):
    for path in KEYBOARD_PATHS:
        page.goto(live_site(path))
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUSED)
        assert "skip-link" in first["cls"], path
        assert first["visible"], f"the skip link is not shown on focus: {path}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", path
        # The next Tab continues from the content, not from the top again.
        page.keyboard.press("Tab")
        assert page.evaluate(
            "!document.querySelector('.site-header').contains(document.activeElement)"
            " && !document.activeElement.classList.contains('skip-link')"
        ), path


def test_every_control_is_reachable_with_a_visible_focus(page, live_site):
    for path in KEYBOARD_PATHS + ["/nie-ma-takiej-strony/"]:
        page.goto(live_site(path))
        stops = tab_through(page)
        assert len(stops) == page.evaluate(TABBABLE), path
        hidden = [s for s in stops if not (s["outline"] or s["shadow"])]
        assert hidden == [], f"focus not visible on {path}"
        offscreen = [s for s in stops if not s["visible"]]
        assert offscreen == [], f"focused element off screen on {path}"


def test_focus_indicator_check_can_fail(page, live_site):
    page.goto(live_site("/"))
    page.add_style_tag(content="*:focus-visible { outline: none; box-shadow: none; }")
    stops = tab_through(page)
    assert stops and not any(s["outline"] or s["shadow"] for s in stops)


@pytest.mark.parametrize(
    ("width", "scale"),
    [(320, 1), (640, 2)],
    ids=["reflow-320px", "zoom-200-percent-of-1280px"],
)
def test_content_reflows_without_horizontal_scrolling(browser, live_site, width, scale):
    """320 CSS px is WCAG 1.4.10's reflow width; a 1280 px window at 200%
    zoom is a 640 CSS px viewport at device scale 2."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, device_scale_factor=scale
    )
    page = context.new_page()
    too_wide = {}
    for path in live_site.public_paths:
        page.goto(live_site(path))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[path] = scroll_width
    # The menu and language switcher stay on screen and usable.
    page.goto(live_site("/"))
    for selector in [".site-nav a", ".language-switcher a, .language-switcher span"]:
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
    context.close()
    assert too_wide == {}


def test_a_too_wide_page_is_caught(browser, live_site):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(live_site("/"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<pre>' + 'x'.repeat(200) + '</pre>')"
    )
    assert page.evaluate("document.documentElement.scrollWidth") > 320
    context.close()


MOTION = """() => {
    const probe = document.createElement('a');
    probe.href = '#';
    probe.textContent = 'probe';
    probe.style.transition = 'color 2s';
    probe.style.animation = 'spin 2s infinite';
    document.querySelector('main').append(probe);
    const style = getComputedStyle(probe);
    const all = [...document.querySelectorAll('body *')].map(getComputedStyle);
    return {
        probe: [style.transitionDuration, style.animationName],
        moving: all.filter(s => (s.animationName !== 'none'
            || s.transitionDuration.split(',').some(d => parseFloat(d) > 0))).length,
    };
}"""


def test_reduced_motion_stops_transitions_and_animations(page, live_site):
    page.emulate_media(reduced_motion="reduce")
    for path in KEYBOARD_PATHS:
        page.goto(live_site(path))
        motion = page.evaluate(MOTION)
        # Even an element given its own motion stands still.
        assert motion == {"probe": ["0s", "none"], "moving": 0}, path


def test_motion_is_kept_for_those_who_do_not_ask_otherwise(page, live_site):
    page.emulate_media(reduced_motion="no-preference")
    page.goto(live_site("/"))
    assert page.evaluate(MOTION)["probe"] == ["2s", "spin"]


# WCAG 1.4.12: the spacing a reader's own style sheet may set.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;  // visually hidden
    const clips = [style.overflowX, style.overflowY].some(v => v !== 'visible');
    return clips && (el.scrollWidth > el.clientWidth + 1
        || el.scrollHeight > el.clientHeight + 1);
}).map(el => el.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_loses_no_content(browser, live_site, width):
    # bypass_csp: the test's own <style> (the site's policy allows none).
    context = browser.new_context(
        viewport={"width": width, "height": 800}, bypass_csp=True
    )
    page = context.new_page()
    problems = {}
    for path in live_site.public_paths:
        page.goto(live_site(path))
        page.add_style_tag(content=TEXT_SPACING)
        clipped = page.evaluate(CLIPPED)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if clipped or scroll_width > width:
            problems[path] = (scroll_width, clipped)
    context.close()
    assert problems == {}


def test_text_alone_enlarged_to_200_percent_reflows(browser, live_site):
    """WCAG 1.4.4: text zoom (not page zoom) to 200% in a 1280 px window."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    page = context.new_page()
    too_wide = {}
    for path in live_site.public_paths:
        page.goto(live_site(path))
        before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        page.add_style_tag(content="html { font-size: 200% !important; }")
        after = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert after >= 2 * before - 0.5, f"text does not scale on {path}"
        if page.evaluate("document.documentElement.scrollWidth") > 1280:
            too_wide[path] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert too_wide == {}


def test_clipped_text_is_caught(page, live_site):
    page.goto(live_site("/"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<p style=\"height:1.2em;overflow:hidden\">' + 'tekst '.repeat(80) + '</p>')"
    )
    page.add_style_tag(content=TEXT_SPACING)
    assert len(page.evaluate(CLIPPED)) == 1
