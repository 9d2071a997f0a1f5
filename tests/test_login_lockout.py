"""Login lock-out behind the documented proxies (site_settings/editorial/
lockout.py): per login name *and* the client's real address, read from
X-Forwarded-For as nginx (and nginx + Varnish) send it; a higher limit per
address across names; nobody can lock a librarian out from elsewhere."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from site_settings.editorial.lockout import LOCKED_OUT_STATUS, client_address

from .factories import PASSWORD, editor, moderator

pytestmark = pytest.mark.django_db

NGINX = "127.0.0.1"  # the proxy in front: every request's socket address
LIBRARIAN = "198.51.100.20"  # the librarian's own address
ATTACKER = "203.0.113.66"


def through_nginx(client, address, username, password, spoofed=None):
    """A login as nginx forwards it: $proxy_add_x_forwarded_for appends the
    address nginx was connected from to whatever the client sent."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.fixture
def behind_nginx(settings):
    settings.PROXY_COUNT = 1


def meta(**headers):
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "forwarded", "address"),
    [
        # nginx alone: the one entry it wrote, even after a forged one.
        (1, "198.51.100.20", "198.51.100.20"),
        (1, "10.9.9.9, 198.51.100.20", "198.51.100.20"),
        # nginx + Varnish: Varnish appends nginx's address.
        (2, "198.51.100.20, 127.0.0.1", "198.51.100.20"),
        (2, "10.9.9.9, 198.51.100.20, 127.0.0.1", "198.51.100.20"),
        (1, "2001:db8::1", "2001:db8::1"),
        # No proxy configured, no header, a header too short or not an
        # address: the socket's address, never the client's own claim.
        (0, "198.51.100.20", NGINX),
        (1, "", NGINX),
        (2, "198.51.100.20", NGINX),
        (1, "not-an-address", NGINX),
    ],
)
def test_the_client_address_behind_the_documented_proxies(
    settings, count, forwarded, address
):
    settings.PROXY_COUNT = count
    headers = {"REMOTE_ADDR": NGINX}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(meta(**headers)) == address


def test_wrong_passwords_from_elsewhere_never_lock_the_librarian_out(
    client, site_tree, behind_nginx
):
    account = editor()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        response = through_nginx(client, ATTACKER, account.username, "zle-haslo")
    assert response.status_code == LOCKED_OUT_STATUS
    assert "Zbyt wiele nieudanych prób logowania" in response.content.decode()
    # Recorded under the attacker's address, not nginx's.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # A forged X-Forwarded-For entry does not move the lock onto her address.
    through_nginx(client, ATTACKER, account.username, "zle-haslo", spoofed=LIBRARIAN)
    assert not AccessAttempt.objects.filter(ip_address=LIBRARIAN).exists()
    response = through_nginx(client, LIBRARIAN, account.username, PASSWORD)
    assert response.status_code == 302
    assert response.url.rstrip("/").endswith("/admin")


def test_her_own_address_locks_after_the_limit(client, site_tree, behind_nginx):
    account = editor()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = through_nginx(client, LIBRARIAN, account.username, "zle-haslo")
        assert response.status_code == 200
    response = through_nginx(client, LIBRARIAN, account.username, "zle-haslo")
    assert response.status_code == LOCKED_OUT_STATUS
    assert "konto jest zablokowane" in response.content.decode()
    response = through_nginx(client, LIBRARIAN, account.username, PASSWORD)
    assert response.status_code == LOCKED_OUT_STATUS


def test_an_address_trying_many_names_is_locked_at_its_own_higher_limit(
    client, site_tree, behind_nginx
):
    limit = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    assert limit > settings.AXES_FAILURE_LIMIT
    account = editor()
    names = [f"ktos{n}" for n in range(limit)]
    # Fewer than the per-name limit for every name, the per-address limit
    # in total.
    for name in names[:-1]:
        assert through_nginx(client, ATTACKER, name, "x").status_code == 200
    response = through_nginx(client, ATTACKER, names[-1], "x")
    assert response.status_code == LOCKED_OUT_STATUS
    assert "z tego adresu" in response.content.decode()
    # Even a real account's right password, from that address only.
    locked = through_nginx(client, ATTACKER, account.username, PASSWORD)
    assert locked.status_code == LOCKED_OUT_STATUS
    assert (
        through_nginx(client, LIBRARIAN, account.username, PASSWORD).status_code == 302
    )


def test_a_successful_login_clears_only_its_own_failures(
    client, site_tree, behind_nginx
):
    """Logging in to one's own account does not wipe the failures against
    another account from the same address (no endless guessing)."""
    own, other = editor(), moderator()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        through_nginx(client, ATTACKER, other.username, "zle-haslo")
    through_nginx(client, ATTACKER, own.username, "zle-haslo")
    assert through_nginx(client, ATTACKER, own.username, PASSWORD).status_code == 302
    client.logout()
    assert not AccessAttempt.objects.filter(username=own.username).exists()
    response = through_nginx(client, ATTACKER, other.username, "zle-haslo")
    assert response.status_code == LOCKED_OUT_STATUS
