"""Production settings from the environment (django-environ in
config/settings/), the health endpoint, the Site record's
address, e-mail links and the numbering of partnership rows."""

import json
import logging
import os
import subprocess
import sys
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from cooperation.models import PartnershipPage, PartnershipStreet

from .factories import editor, logo_image, moderator, partnership_form_data

BASE_ENV = {
    "DJANGO_SECRET_KEY": "a-long-production-secret-key-for-the-tests-0123456789",
    "WAGTAILADMIN_BASE_URL": "https://biblioteka.example.pl",
    "DATABASE_URL": "postgres://site:secret@db.example.pl:5432/zoliborz",
}
SHOWN = [
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "WAGTAILADMIN_BASE_URL",
    "ADMINS",
    "CACHES",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "SESSION_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "PROXY_COUNT",
    "SERVE_MEDIA",
    "WAGTAILLOCALIZE_MACHINE_TRANSLATOR",
]


def production_settings(**variables):
    """The production settings as a fresh process sees them with exactly
    these variables (and no other Django ones): (settings, error text)."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "AWS_", "EMAIL_", "REDIS", "DATABASE", "DEEPL")
        )
    }
    environ.update(BASE_ENV)
    environ.update(variables)
    environ = {key: value for key, value in environ.items() if value is not None}
    environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    script = (
        "import json; from django.conf import settings; "
        f"names = {SHOWN!r}; "
        "values = {n: getattr(settings, n, None) for n in names}; "
        "values['DATABASE'] = settings.DATABASES['default']['ENGINE']; "
        "values['DATABASE_OPTIONS'] = settings.DATABASES['default'].get('OPTIONS'); "
        "values['MEDIA'] = settings.STORAGES['default']['BACKEND']; "
        "print(json.dumps(values, default=str))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        env=environ,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    if result.returncode:
        return None, result.stderr
    return json.loads(result.stdout), ""


def test_production_settings_from_the_documented_variables():
    values, error = production_settings(
        DJANGO_ALLOWED_HOSTS=" biblioteka.example.pl ,www.biblioteka.example.pl,",
        DJANGO_ADMINS="Admin Biblioteki <it@example.pl>, kierownik@example.pl",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp+tls://poczta%40example.pl:tajne@smtp.example.pl:587",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert not error
    assert values["DEBUG"] is False
    # Spaces after a comma no longer drop a host; an empty item is ignored.
    assert values["ALLOWED_HOSTS"] == [
        "biblioteka.example.pl",
        "www.biblioteka.example.pl",
    ]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://biblioteka.example.pl"]
    assert values["ADMINS"] == [
        ["Admin Biblioteki", "it@example.pl"],
        ["kierownik@example.pl", "kierownik@example.pl"],
    ]
    assert values["DATABASE"] == "django.db.backends.postgresql"
    # A database or Redis that does not answer is given up quickly.
    assert values["DATABASE_OPTIONS"] == {"connect_timeout": 2}
    for alias in ("default", "pages"):
        cache = values["CACHES"][alias]
        assert cache["BACKEND"] == "home.resilient_cache.ResilientRedisCache"
        assert cache["OPTIONS"] == {
            "socket_connect_timeout": 0.25,
            "socket_timeout": 0.25,
        }
    assert values["MEDIA"] == "site_settings.operations.storage.BucketMediaStorage"
    assert values["SERVE_MEDIA"] is False
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("smtp.example.pl", 587)
    assert values["EMAIL_HOST_USER"] == "poczta@example.pl"
    assert values["EMAIL_USE_TLS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000


def test_defaults_without_the_optional_variables():
    values, error = production_settings()
    assert not error
    # Never an empty list (which answered every request with 400).
    assert values["ALLOWED_HOSTS"] == ["biblioteka.example.pl"]
    # One server's workers share the page cache (files), not each its own.
    assert values["CACHES"]["default"]["BACKEND"].endswith("FileBasedCache")
    assert values["CACHES"]["default"]["LOCATION"].endswith("var/cache")
    assert values["MEDIA"] == "site_settings.operations.storage.LocalMediaStorage"
    assert values["SERVE_MEDIA"] is True
    assert values["EMAIL_BACKEND"] == "config.mail.NotConfiguredEmailBackend"
    assert values["PROXY_COUNT"] == 1
    assert values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] is None


def test_plain_http_trial_deepl_and_the_mail_settings_one_by_one():
    values, error = production_settings(
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8111/",
        DJANGO_SECURE_HSTS_SECONDS="300",
        DJANGO_PROXY_COUNT="2",
        DEEPL_API_KEY="abc:fx",
        EMAIL_HOST="smtp.example.pl",
        EMAIL_PORT="465",
        EMAIL_USE_SSL="true",
    )
    assert not error
    assert values["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8111"
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1"]
    # No https: no redirect and no secure cookies, unless asked for.
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_HSTS_SECONDS"] == 300
    assert values["PROXY_COUNT"] == 2
    translator = values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    assert translator["CLASS"].endswith("deepl.DeepLTranslator")
    assert translator["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("smtp.example.pl", 465)
    assert values["EMAIL_USE_SSL"] is True


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DJANGO_SECRET_KEY", None),
        ("WAGTAILADMIN_BASE_URL", None),
        ("WAGTAILADMIN_BASE_URL", "biblioteka.example.pl"),
        ("WAGTAILADMIN_BASE_URL", "https://biblioteka.example.pl/admin/"),
        ("DATABASE_URL", None),
        ("DATABASE_URL", "mysqlx://nowhere"),
        ("DJANGO_ALLOWED_HOSTS", "https://biblioteka.example.pl"),
        ("DJANGO_CSRF_TRUSTED_ORIGINS", "biblioteka.example.pl"),
        ("DJANGO_ADMINS", "Admin Biblioteki"),
        ("REDIS_URL", "127.0.0.1:6379"),
        ("EMAIL_URL", "smtp:/"),
        ("EMAIL_URL", "gmail://me"),
        ("EMAIL_URL", "smtps://me:secret@smtp.example.pl:465"),
        ("AWS_SECRET_ACCESS_KEY", None),
    ],
)
def test_a_missing_or_malformed_variable_stops_start_up_naming_it(variable, value):
    extra = {variable: value}
    if variable.startswith("AWS_"):
        extra.update(AWS_STORAGE_BUCKET_NAME="media", AWS_ACCESS_KEY_ID="key")
    values, error = production_settings(**extra)
    assert values is None
    last_line = error.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert variable in last_line


def test_liveness_and_readiness_name_each_dependency(client, site_tree):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "page_cache": "ok",
        "media": "ok",
    }
    assert "no-cache" in ready["Cache-Control"]


def test_a_cache_that_is_down_fails_readiness_not_liveness(client, site_tree):
    # A real Redis client against a port nobody listens on.
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    with override_settings(CACHES=down):
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "ok",
        "cache": "error",
        "page_cache": "ok",
        "media": "ok",
    }


def test_site_address_follows_the_public_address(client, site_tree):
    call_command("set_site_address", "https://biblioteka.example.pl", stdout=None)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("biblioteka.example.pl", 443)
    page = next(iter(site_tree.partnerships.values()))
    assert page.get_full_url().startswith("https://biblioteka.example.pl/")
    sitemap = client.get("/sitemap.xml", HTTP_HOST="biblioteka.example.pl")
    assert "<loc>https://biblioteka.example.pl/" in sitemap.content.decode()
    assert "localhost" not in sitemap.content.decode()
    html = client.get(page.url, HTTP_HOST="biblioteka.example.pl").content.decode()
    assert "http://localhost" not in html

    call_command("set_site_address", "http://127.0.0.1:8111", stdout=None)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8111)
    for wrong in ["biblioteka.example.pl", "https://biblioteka.example.pl:8443"]:
        with pytest.raises(CommandError):
            call_command("set_site_address", wrong)


def test_moderation_email_links_the_real_admin_address(
    client, site_tree, django_capture_on_commit_callbacks
):
    """The notice to moderators links the page in the admin at the site's
    own address, never 127.0.0.1 or localhost."""
    reviewer = moderator()
    reviewer.email = "moderator@example.pl"
    reviewer.save()
    client.force_login(editor())
    index = site_tree.index
    data = partnership_form_data(logo=logo_image())
    url = reverse(
        "wagtailadmin_pages:add", args=["cooperation", "partnershippage", index.pk]
    )
    with override_settings(WAGTAILADMIN_BASE_URL="https://biblioteka.example.pl"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302
    page = PartnershipPage.objects.get(slug="stary-zoliborz")
    notices = [m for m in mail.outbox if "moderator@example.pl" in m.to]
    assert notices, [m.subject for m in mail.outbox]
    body = notices[0].body
    assert f"https://biblioteka.example.pl/admin/pages/{page.pk}/" in body
    assert "127.0.0.1" not in body and "localhost" not in body


def test_without_a_mail_server_each_email_is_logged(caplog):
    backend = "config.mail.NotConfiguredEmailBackend"
    with override_settings(EMAIL_BACKEND=backend), caplog.at_level(logging.WARNING):
        sent = mail.send_mail("Strona do moderacji", "…", None, ["m@example.pl"])
    assert sent == 0
    assert "E-mail not sent: no mail server is configured" in caplog.text
    assert "m@example.pl" in caplog.text


def test_migration_numbers_rows_saved_without_a_place(site_tree):
    page = max(site_tree.partnerships.values(), key=lambda p: p.streets.count())
    rows = list(page.streets.order_by("pk"))
    assert len(rows) >= 2
    PartnershipStreet.objects.filter(page=page).update(sort_order=None)
    migration = import_module(
        "cooperation.migrations.0003_number_unordered_partnership_rows"
    )
    migration.number_rows(apps, None)
    numbered = list(
        PartnershipStreet.objects.filter(page=page).values_list("pk", "sort_order")
    )
    assert sorted(numbered) == [(row.pk, order) for order, row in enumerate(rows)]


def test_seeding_on_start_up_only_when_the_site_has_no_home_page(site_tree):
    pages = site_tree.home.get_descendants().count()
    call_command("load_initial_content", "--if-empty", stdout=None)
    assert site_tree.home.get_descendants().count() == pages
