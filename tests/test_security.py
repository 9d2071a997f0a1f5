"""Security hardening: the deploy check, the headers on every kind
of response, login throttling in Polish, admin sessions, and addresses with
bytes no database can store."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from site_settings.editorial.lockout import LOCKED_OUT_STATUS

from .factories import PASSWORD, editor, moderator

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[1]

# The environment production settings read (README, "Production"). Add a
# variable here when config/settings/production.py starts to require one.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "x7#Qp2!vR9zL0mW4tY8uE3iO6aS1dF5gH-jK_lZ+cV%bN=mQ^wE&rT*yU",
    "DJANGO_ALLOWED_HOSTS": "biblioteka.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://biblioteka.example.org",
    "WAGTAILADMIN_BASE_URL": "https://biblioteka.example.org",
    "DATABASE_URL": "sqlite:////tmp/deploy-check-never-created.sqlite3",
}


def production_environ(**extra):
    """This process's environment with the production variables, less what
    only tests set (DJANGO_ALLOW_ASYNC_UNSAFE is itself a deploy error)."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **PRODUCTION_ENV, **extra}


def test_deploy_check_has_no_warnings():
    env = production_environ()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_production_sends_hsts_and_redirects_to_https():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_PROXY_SSL_HEADER[0])"
    )
    env = production_environ(DJANGO_SECURE_HSTS_SECONDS="300")
    result = subprocess.run(  # noqa: S603 (the code is the test's own)
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # A short max-age to start with, from the environment.
    assert result.stdout.split() == ["300", "True", "HTTP_X_FORWARDED_PROTO"]


EXPECTED_HEADERS = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_security_headers(response, csp=True):
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert "Server" not in response.headers
    if csp:
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy
        return policy
    return None


def test_public_page_headers_and_strict_policy(client, site_tree):
    response = client.get("/wspolpraca/")
    assert response.status_code == 200
    policy = assert_security_headers(response)
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "script-src 'self'" in policy
    assert "nonce-" not in policy  # cached pages must not carry one


def test_not_found_page_headers(client, site_tree):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_json_feed_headers(client, site_tree):
    response = client.get("/api/partnerships.json")
    assert response.status_code == 200
    assert_security_headers(response)


def test_admin_page_headers_allow_inline_styles_only_there(client, site_tree):
    client.force_login(editor())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = assert_security_headers(response)
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self' 'unsafe-inline';" in policy + ";"
    assert "unsafe-eval" not in policy


def test_media_file_headers(client, site_tree):
    """A file from the media storage, served by Django (a document). A
    librarian is served any document; visitors only those a live page links."""
    document = get_document_model()(title="Regulamin")
    document.file.save("regulamin.txt", ContentFile(b"Regulamin partnerstwa.\n"))
    document.save()
    client.force_login(moderator())
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Regulamin partnerstwa.\n"
    assert_security_headers(response, csp=False)
    # Wagtail's own policy for served documents is kept (stricter).
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


UNSTORABLE_PATHS = [
    "/%00",
    "/wspolpraca/%00/",
    "/wspolpraca/a%00b/",
    "/en/%00/",
    "/%FF%FE/",
    "/wspolpraca/%C3%28/",
    "/szukaj/%00",
    "/api/partnerships.json%00",
    "/%01%02%7F/",
    "/documents/1/a%00.pdf",
]


@pytest.mark.parametrize("path", UNSTORABLE_PATHS)
def test_unstorable_path_is_a_plain_404_without_error_log(
    client, site_tree, caplog, path
):
    with caplog.at_level(logging.WARNING):
        response = client.get(path)
    assert response.status_code == 404
    assert "Biblioteka" in response.content.decode()  # the site's own 404 page
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


def test_sessions_expire_after_a_working_day_of_inactivity():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


def login(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR="203.0.113.7",
    )


def test_login_locks_after_the_configured_failures_and_says_so_in_polish(
    client, site_tree
):
    account = editor()
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        response = login(client, account.username, "zle-haslo")
        assert response.status_code == 200  # the form again, "wrong password"
    response = login(client, account.username, "zle-haslo")
    assert response.status_code == LOCKED_OUT_STATUS
    html = response.content.decode()
    assert "Zbyt wiele nieudanych prób logowania" in html
    assert "60 minut" in html
    # Even the right password is refused during the cool-off.
    response = login(client, account.username, PASSWORD)
    assert response.status_code == LOCKED_OUT_STATUS
    assert "_auth_user_id" not in client.session
    # Every attempt is logged.
    assert AccessFailureLog.objects.filter(username=account.username).count() >= limit
    attempt = AccessAttempt.objects.get(username=account.username)
    assert attempt.failures_since_start >= limit
    # Another address is not locked out for this account.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": account.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.9",
    )
    assert response.status_code == 302
    assert AccessLog.objects.filter(username=account.username).exists()


def test_a_moderator_unlocks_an_account(client, site_tree):
    account = editor()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, account.username, "zle-haslo")
    attempt = AccessAttempt.objects.get(username=account.username)

    # Editors cannot see the lock-outs; moderators can, and unlock.
    staff = client_class_for(client)
    staff.force_login(account)
    assert staff.get(reverse("login_lockouts:index")).status_code in (302, 403)
    staff.force_login(moderator())
    listing = staff.get(reverse("login_lockouts:index"))
    assert listing.status_code == 200
    assert account.username in listing.content.decode()
    assert "Blokady logowania" in listing.content.decode()
    response = staff.post(reverse("login_lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()

    response = login(client, account.username, PASSWORD)
    assert response.status_code == 302


def client_class_for(client):
    return type(client)()
