"""Privacy by default: public pages load nothing from another host and give
an anonymous visitor no cookie, so the site needs no cookie banner."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def visit_recording_hosts(context, live_site, paths):
    """Visit ``paths``; return every host the pages asked for. Requests to
    other hosts are recorded and then refused, so nothing leaves the machine."""
    own = urlsplit(live_site.url).netloc
    hosts = {}

    def route(route):
        url = route.request.url
        netloc = urlsplit(url).netloc
        if url.startswith(("data:", "blob:")) or netloc == own:
            route.continue_()
        else:
            hosts.setdefault(netloc, url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    for path in paths:
        page.goto(live_site(path))
        page.wait_for_load_state("networkidle")
    return hosts


def test_public_pages_load_nothing_from_other_hosts(context, live_site):
    assert visit_recording_hosts(context, live_site, live_site.public_paths) == {}


def test_a_request_to_another_host_is_caught(context, live_site):
    hosts = visit_recording_hosts(context, live_site, [])
    page = context.new_page()
    page.goto(live_site("/"))
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend',"
        ' \'<img alt="" src="https://fonts.example.net/x.png">\')'
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    assert "fonts.example.net" in hosts


def test_anonymous_visitor_gets_no_cookie(context, live_site):
    page = context.new_page()
    for path in live_site.public_paths:
        response = page.goto(live_site(path))
        assert "set-cookie" not in response.all_headers(), path
    assert context.cookies() == []


def test_the_cookie_check_can_fail(context, live_site):
    page = context.new_page()
    page.goto(live_site("/admin/login/"))  # the login form sets a CSRF cookie
    assert [cookie["name"] for cookie in context.cookies()] == ["csrftoken"]


def test_admin_pages_load_nothing_from_other_hosts(admin_page, live_site):
    """Not even editors' avatars from gravatar.com."""
    hosts = visit_recording_hosts(admin_page.context, live_site, [])
    for path in ["/admin/", live_site.partnership_edit_path]:
        admin_page.goto(live_site(path))
        admin_page.wait_for_load_state("networkidle")
    assert hosts == {}
