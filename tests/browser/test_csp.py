"""The enforced Content-Security-Policy breaks nothing: Chromium reports no
`securitypolicyviolation` on any public page or on the admin screens a
librarian uses. Each event is sent to the test through an exposed
function, so none is lost when a page navigates away."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME

pytestmark = pytest.mark.browser

LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        page: document.location.pathname + document.location.search,
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
    });
});
"""


@pytest.fixture
def context(browser):
    """A browser context that enforces the policy (the suite's default one
    bypasses it, see conftest.py)."""
    context = browser.new_context(bypass_csp=False)
    yield context
    context.close()


@pytest.fixture
def admin_page(context, live_site):
    """Logged in to the admin as a superuser, in the enforcing context."""
    page = context.new_page()
    page.goto(live_site("/admin/login/"))
    page.fill("input[name=username]", ADMIN_USERNAME)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_site("/admin/"))
    return page


def watch(context):
    """Every CSP violation of every page of ``context``, as dicts."""
    violations = []

    def report(violation):
        violations.append(violation)

    context.expose_function("reportCspViolation", report)
    context.add_init_script(LISTENER)
    return violations


def summary(violations):
    """One line per distinct violation, for the failure message."""
    return "\n".join(
        sorted(
            {
                f"{v['page']}: {v['directive']} blocked {v['blocked']} "
                f"({v['source']}:{v['line']}) {v['sample'][:80]!r}"
                for v in violations
            }
        )
    )


def settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(150)  # violation events are queued, not immediate


def test_public_pages_violate_no_policy(context, live_site):
    violations = watch(context)
    page = context.new_page()
    for path in live_site.public_paths:
        response = page.goto(live_site(path))
        assert "default-src 'self'" in response.headers["content-security-policy"]
        settle(page)
    assert violations == [], summary(violations)


def librarian_screens(live_site):
    """The admin screens of a librarian's day: dashboard, page tree,
    editing and adding a partnership, organisations, images, documents,
    translations, the guide, the lock-outs, the bad-input page."""
    pk = live_site.partnership_pk
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{pk}/",
        live_site.partnership_edit_path,
        f"/admin/pages/{pk}/history/",
        "/admin/snippets/cooperation/partnerorganization/",
        "/admin/snippets/cooperation/partnerorganization/add/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/poradnik/",
        "/admin/do-tlumaczenia/",
        "/admin/login_lockouts/",
        "/admin/reports/locked/",
        "/admin/account/",
        "/admin/users/",
        "/admin/workflows/list/",
    ]


def test_admin_screens_violate_no_policy(admin_page, live_site):
    violations = watch(admin_page.context)
    for path in librarian_screens(live_site):
        response = admin_page.goto(live_site(path))
        assert response.status < 400, path
        settle(admin_page)
    assert violations == [], summary(violations)


def test_admin_editor_widgets_violate_no_policy(admin_page, live_site):
    """What runs only on use: the choosers' modals, the rich-text editor,
    the preview panel, a new StreamField block, the date picker."""
    violations = watch(admin_page.context)
    page = admin_page
    page.goto(live_site(live_site.partnership_edit_path))
    settle(page)
    # The rich-text editor: type into the first paragraph.
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.type(" Nowe zdanie.")
    # The organisations tab: a new member row and its chooser (a modal).
    page.get_by_role("tab", name="Organizacje").click()
    page.locator("#id_members-ADD").click()
    page.locator("[data-chooser-action-choose]:visible").last.click()
    page.locator(".modal").first.wait_for(state="visible")
    settle(page)
    page.keyboard.press("Escape")
    # Under load the modal may not have taken focus yet: close it by its
    # button if Escape did not, so it cannot cover the next control.
    modal = page.locator(".modal").first
    try:
        modal.wait_for(state="hidden", timeout=5_000)
    except PlaywrightTimeoutError:
        page.locator(".modal button.close:visible").first.click()
        modal.wait_for(state="hidden")
    # The preview panel (the page in a frame of the same origin).
    page.locator("[data-side-panel-toggle=preview]").click()
    settle(page)
    # The status panel's publishing schedule dialog and its date picker.
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").click()
    page.locator("input[name=go_live_at]").click()
    settle(page)
    assert violations == [], summary(violations)


def test_a_violation_is_caught(context, live_site):
    violations = watch(context)
    page = context.new_page()
    page.goto(live_site("/"))
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        '\'<img alt="" src="x" onerror="this.dataset.x=1">\')'
    )
    settle(page)
    assert [v["directive"] for v in violations] == ["script-src-attr"]
