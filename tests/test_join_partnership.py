"""A resident joins or writes to a partnership: the contact person on its
page, the form (with the page cache on, in both languages), spam refused with
what was typed kept, retention, and who reads the messages in the admin."""

import csv
import datetime
import io
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission

from cooperation.roles import MODERATORS
from participation import spam
from participation.models import JoinFormNotice, PartnershipMessage, months_before

from . import factories

pytestmark = pytest.mark.django_db

KASKADA = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"
KASKADA_EN = "/en/cooperation/local-partnerships/marymont-kaskada/"
TYPED = "Chcę pomagać przy sąsiedzkim pikniku na Kaskadzie – Ala"


@pytest.fixture
def site(site_tree):
    kaskada = site_tree.partnerships["marymont-kaskada"]
    kaskada.contact_name = "Anna Nowak"
    kaskada.contact_role = "koordynatorka"
    kaskada.contact_organisation = "Stowarzyszenie Kaskada"
    kaskada.contact_email = "kaskada@example.invalid"
    kaskada.save_revision().publish()
    english = factories.locale("en")
    factories.translate_organizations(english)
    for page, title, slug in [
        (site_tree.home, "Public Library in Żoliborz", "home-en"),
        (site_tree.cooperation, "Cooperation", "cooperation"),
        (site_tree.index, "Local partnerships", "local-partnerships"),
    ]:
        factories.translate_page(page, english, title, slug=slug)
    factories.translate_page(
        kaskada, english, "Marymont-Kaskada Partnership", contact_role="coordinator"
    )
    site_tree.kaskada = kaskada
    return site_tree


@pytest.fixture
def cached(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def join_url(page, language="pl"):
    with translation.override(language):
        return reverse("participation_join", kwargs={"key": page.translation_key})


def filled(client, url, **changes):
    """The form as a person sends it: the token from the page they loaded,
    shown to them a minute ago."""
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "csrfmiddlewaretoken": page.context["csrf_token"],
        "name": "Alicja Kowalska",
        "email": "alicja@example.invalid",
        "phone": "",
        "sender_kind": "resident",
        "message": TYPED,
        "consent": "on",
        "website": "",
        "shown": signing.dumps(time.time() - 60, salt=spam.SALT),
    }
    data.update(changes)
    return data


def test_the_page_shows_the_contact_person_and_only_what_is_filled(client, site):
    html = client.get(KASKADA).content.decode()
    assert "Anna Nowak" in html and "koordynatorka" in html
    assert "Stowarzyszenie Kaskada" in html
    assert 'href="mailto:kaskada@example.invalid"' in html
    assert "tel:" not in html.split('id="join-heading"')[1]
    assert f'href="{join_url(site.kaskada)}"' in html
    english = client.get(KASKADA_EN).content.decode()
    assert "<strong>Anna Nowak</strong>, coordinator" in english
    assert f'href="{join_url(site.kaskada, "en")}"' in english


@pytest.mark.parametrize(
    ("language", "page_url", "subject_word"),
    [("pl", KASKADA, "Otrzymaliśmy"), ("en", KASKADA_EN, "received")],
)
def test_a_message_goes_through_with_the_page_cache_on(
    site, cached, language, page_url, subject_word
):
    client = Client(enforce_csrf_checks=True)
    client.get(page_url)
    partnership_page = client.get(page_url)
    assert partnership_page["X-Cache"] == "hit"
    html = partnership_page.content.decode()
    assert "csrfmiddlewaretoken" not in html
    url = join_url(site.kaskada, language)
    assert url in html

    response = client.post(url, filled(client, url))

    assert response.status_code == 302
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    message = PartnershipMessage.objects.get()
    assert message.partnership_id == site.kaskada.pk  # filed under the Polish page
    assert message.language == language
    assert message.message == TYPED
    assert message.delivered_to == "kaskada@example.invalid"
    to_partnership, confirmation = mail.outbox
    assert to_partnership.to == ["kaskada@example.invalid"]
    assert to_partnership.reply_to == ["alicja@example.invalid"]
    assert TYPED in to_partnership.body
    assert "Wiadomość" in to_partnership.subject  # the library's language
    assert confirmation.to == ["alicja@example.invalid"]
    assert subject_word in confirmation.subject
    assert TYPED in confirmation.body
    # The partnership page is still served from the cache.
    assert Client().get(page_url)["X-Cache"] == "hit"


def test_without_a_contact_address_the_library_gets_it(client, site):
    kaskada = site.kaskada
    kaskada.contact_email = ""
    kaskada.save_revision().publish()
    from site_settings.models import SiteSettings

    contact = SiteSettings.for_site(site.home.get_site())
    contact.email = "biblioteka@example.invalid"
    contact.save()
    url = join_url(kaskada)
    client.post(url, filled(client, url))
    assert mail.outbox[0].to == ["biblioteka@example.invalid"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"website": "http://spam.example"}, "Website"),
        ({"shown": "__now__"}, "faster than a person"),
        ({"shown": "not-a-token"}, "faster than a person"),
        ({"message": "x" * 3001}, "at most 3000 characters"),
        ({"email": "alicja-at-example"}, "e-mail"),
        ({"consent": ""}, "Tick the consent"),
    ],
)
def test_a_refused_message_keeps_what_was_typed_and_says_why(
    client, site, changes, reason
):
    url = join_url(site.kaskada, "en")
    data = filled(client, url)
    if changes.get("shown") == "__now__":
        changes["shown"] = spam.form_token()
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert reason in html
    kept = data["message"] if "message" in changes else TYPED
    assert kept in html
    assert 'value="Alicja Kowalska"' in html
    assert not PartnershipMessage.objects.exists()
    assert not mail.outbox


def test_refusals_are_in_polish_on_the_polish_form(client, site):
    url = join_url(site.kaskada)
    data = filled(client, url, shown=spam.form_token())
    html = client.post(url, data).content.decode()
    assert "szybciej" in html
    assert TYPED in html


def test_a_flood_from_one_address_is_refused_and_others_still_write(site, settings):
    settings.PARTICIPATION_MAX_MESSAGES_PER_HOUR = 2
    client = Client(REMOTE_ADDR="203.0.113.7")
    url = join_url(site.kaskada)
    for _ in range(2):
        assert client.post(url, filled(client, url)).status_code == 302
    refused = client.post(url, filled(client, url))
    assert refused.status_code == 429
    html = refused.content.decode()
    assert TYPED in html
    assert PartnershipMessage.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.post(url, filled(other, url)).status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_limit(site, settings):
    """Without a proxy the socket's address counts, not X-Forwarded-For."""
    settings.PARTICIPATION_MAX_MESSAGES_PER_HOUR = 1
    url = join_url(site.kaskada)
    client = Client(REMOTE_ADDR="203.0.113.8")
    assert client.post(url, filled(client, url)).status_code == 302
    data = filled(client, url)
    forged = client.post(url, data, HTTP_X_FORWARDED_FOR="192.0.2.55")
    assert forged.status_code == 429


def test_the_form_shows_the_librarians_notice_in_the_visitors_language(client, site):
    url = join_url(site.kaskada)
    html = client.get(url).content.decode()
    assert "UODO" in html  # the standard notice
    polish = JoinFormNotice.objects.create(
        locale=factories.locale("pl"), body="<p>Administratorem jest Biblioteka.</p>"
    )
    english = polish.copy_for_translation(factories.locale("en"))
    english.body = "<p>The controller is the Library.</p>"
    english.save()
    assert "Administratorem jest Biblioteka." in client.get(url).content.decode()
    english_html = client.get(join_url(site.kaskada, "en")).content.decode()
    assert "The controller is the Library." in english_html


def test_an_unpublished_or_unknown_partnership_has_no_form(client, site):
    assert client.get(join_url(site.kaskada).replace("-", "0")).status_code == 404
    site.kaskada.unpublish()
    assert client.get(join_url(site.kaskada)).status_code == 404


def make_message(partnership, sent, name="Ktoś"):
    message = PartnershipMessage.objects.create(
        partnership=partnership,
        language="pl",
        name=name,
        email="ktos@example.invalid",
        sender_kind="resident",
        message="Dzień dobry",
        consent_at=sent,
    )
    PartnershipMessage.objects.filter(pk=message.pk).update(created_at=sent)
    return message


def test_retention_deletes_exactly_what_is_older_than_the_period(site, settings):
    settings.PARTICIPATION_RETENTION_MONTHS = 12
    now = timezone.now()
    cutoff = months_before(now, 12)
    older = make_message(site.kaskada, cutoff - datetime.timedelta(minutes=1))
    kept = make_message(site.kaskada, cutoff + datetime.timedelta(minutes=1))
    recent = make_message(site.kaskada, now)
    call_command("delete_old_messages", stdout=io.StringIO())
    remaining = set(PartnershipMessage.objects.values_list("pk", flat=True))
    assert remaining == {kept.pk, recent.pk}
    assert older.pk not in remaining


def test_months_are_calendar_months():
    moment = datetime.datetime(2026, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == moment.replace(month=2, day=28)
    assert months_before(moment, 12) == moment.replace(year=2025)
    assert months_before(moment, 3) == moment.replace(year=2025, month=12)


@pytest.fixture
def kaskada_editor(site):
    """An editor whose group may edit only the Kaskada partnership."""
    group = Group.objects.create(name="Redakcja Kaskady")
    group.permissions.add(
        *Group.objects.get(name=MODERATORS).permissions.filter(codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=group, page=site.kaskada, permission_type="change"
    )
    user = factories.librarian("kaskada-redaktor", "Redakcja Kaskady")
    return user


def test_a_partnerships_editor_sees_and_exports_only_its_messages(
    client, site, kaskada_editor
):
    other = next(p for s, p in site.partnerships.items() if s != "marymont-kaskada")
    mine = make_message(site.kaskada, timezone.now(), name="Do Kaskady")
    theirs = make_message(other, timezone.now(), name="Do innego")
    client.force_login(kaskada_editor)
    listing = client.get(reverse("partnership_messages:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Do Kaskady" in html and "Do innego" not in html
    exported = client.get(reverse("partnership_messages:index") + "?export=csv")
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[3] for row in rows[1:]] == ["Do Kaskady"]
    inspect = "partnership_messages:inspect"
    assert client.get(reverse(inspect, args=[mine.pk])).status_code == 200
    # Wagtail answers a refusal with a redirect to the dashboard.
    refused = client.get(reverse(inspect, args=[theirs.pk]))
    assert refused.status_code == 302 and "Do innego" not in refused.content.decode()
    client.post(reverse("partnership_messages:delete", args=[mine.pk]))
    assert PartnershipMessage.objects.filter(pk=mine.pk).exists()  # no deleting


def test_moderators_see_every_partnership_and_filter_by_one(client, site):
    other = next(p for s, p in site.partnerships.items() if s != "marymont-kaskada")
    make_message(site.kaskada, timezone.now(), name="Do Kaskady")
    make_message(other, timezone.now(), name="Do innego")
    client.force_login(factories.moderator())
    index = reverse("partnership_messages:index")
    html = client.get(index).content.decode()
    assert "Do Kaskady" in html and "Do innego" in html
    filtered = client.get(f"{index}?partnership={other.pk}").content.decode()
    assert "Do innego" in filtered and "Do Kaskady" not in filtered


def test_translators_see_no_messages(client, site):
    make_message(site.kaskada, timezone.now(), name="Do Kaskady")
    client.force_login(factories.translator())
    assert client.get(reverse("partnership_messages:index")).status_code in (
        302,
        403,
    )
