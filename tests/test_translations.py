"""Polish and English: the seeded English translation, hreflang links, the
language switcher, the sitemap and 404s in the right language."""

import json
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from cooperation.models import (
    PartnerOrganization,
    PartnershipIndexPage,
    PartnershipMembership,
    PartnershipPage,
    PartnershipStreet,
)
from site_settings.admin_ui.translation_status import (
    changed_source_content,
    is_out_of_date,
    out_of_date,
    out_of_date_translations,
)
from site_settings.initial_content import seed
from site_settings.initial_content.english import untranslated_strings
from site_settings.initial_content.loader import load
from site_settings.models import FooterText
from tests import factories
from tests.conftest import build_site

pytestmark = pytest.mark.django_db

ENGLISH_PARTNERSHIP = "/en/cooperation/local-partnerships/marymont-kaskada/"
POLISH_PARTNERSHIP = "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/"

ALTERNATE = re.compile(
    r'<link rel="alternate" hreflang="(?P<lang>[\w-]+)" href="(?P<href>[^"]+)">'
)


def alternates(html):
    return {m["lang"]: m["href"] for m in ALTERNATE.finditer(html)}


def text_of(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def street_list(html):
    block = re.search(r'<ul class="inline-list street-list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1))


def polish_pages():
    return Page.objects.filter(locale__language_code="pl", depth__gte=2).live()


def test_seeding_leaves_no_redirects_from_never_public_addresses(
    db, django_capture_on_commit_callbacks
):
    """First in the module: it seeds an empty database itself (under the
    module's ``bilingual`` data the loader would make nothing)."""
    assert not Page.objects.filter(locale__language_code="en").exists()
    with django_capture_on_commit_callbacks(execute=True):
        build_site(english=True)
    assert Page.objects.filter(locale__language_code="en").live().count() == 12
    assert not Redirect.objects.exists()


def test_every_seeded_polish_string_has_an_english_translation(bilingual):
    assert bilingual.missing == []
    objects = [page.specific for page in polish_pages()]
    objects += PartnerOrganization.objects.filter(locale__language_code="pl")
    objects += FooterText.objects.filter(locale__language_code="pl")
    for instance in objects:
        source = TranslationSource.objects.get_for_instance(instance)
        assert untranslated_strings(source) == [], instance


def test_a_missing_english_string_is_reported_not_guessed(bilingual):
    source = TranslationSource.objects.get_for_instance(
        PartnershipPage.objects.get(slug="marymont-kaskada", locale__language_code="pl")
    )
    partial = dict(seed.english())
    del partial["Park Kaskada"]
    assert untranslated_strings(source, partial) == ["Park Kaskada"]


def test_english_is_made_through_wagtail_localize(bilingual):
    english_locale = Locale.objects.get(language_code="en")
    for page in polish_pages():
        translation = page.get_translation(english_locale)
        assert translation.live, translation
        localize_translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english_locale
        )
        total, translated = localize_translation.get_progress()
        assert total > 0 and translated == total, page
    assert StringTranslation.objects.filter(locale=english_locale).count() > 50
    organisations = PartnerOrganization.objects.filter(locale=english_locale)
    assert organisations.count() == 8
    assert all(organisation.live for organisation in organisations)
    assert FooterText.objects.get(locale=english_locale).library_name == (
        seed.english_library_name()
    )


def test_loading_again_creates_nothing_and_keeps_librarians_english(bilingual):
    cooperation = Page.objects.get(url_path="/home-en/cooperation/").specific
    cooperation.title = "Working together"
    cooperation.save_revision().publish()
    report = load()
    assert report.created == []
    cooperation.refresh_from_db()
    assert cooperation.title == "Working together"


def test_each_polish_page_links_to_its_english_translation(client, bilingual):
    for page in polish_pages():
        response = client.get(page.url)
        html = response.content.decode()
        links = alternates(html)
        assert set(links) == {"pl", "en", "x-default"}, page.url
        assert urlsplit(links["pl"]).path == page.url
        assert links["x-default"] == links["pl"]
        english_response = client.get(urlsplit(links["en"]).path)
        assert english_response.status_code == 200, links["en"]
        english_html = english_response.content.decode()
        assert '<html lang="en">' in english_html
        english_page = page.get_translation(Locale.objects.get(language_code="en"))
        assert f"<h1>{english_page.title}</h1>" in unescape(english_html)
        assert alternates(english_html) == links


def test_english_pages_use_english_addresses(client, bilingual):
    for path in [
        "/en/",
        "/en/cooperation/",
        "/en/cooperation/local-partnerships/",
        "/en/cooperation/local-partnerships/for-rudawka-and-zatrasie/",
        ENGLISH_PARTNERSHIP,
        "/en/cooperation/who-we-work-with/",
    ]:
        assert client.get(path).status_code == 200, path


def test_english_partnership_shows_english_prose_and_the_same_streets(
    client, bilingual
):
    polish = client.get(POLISH_PARTNERSHIP).content.decode()
    html = client.get(ENGLISH_PARTNERSHIP).content.decode()
    text = text_of(html)
    assert "The partnership was founded in May 2013" in text
    assert "Partnerstwo powstało" not in text
    assert "May 2013" in text
    assert "Kaskada Park" in text
    assert street_list(html) == street_list(polish)
    assert street_list(html) == [
        "ul.\xa0Mickiewicza",
        "Trasa Armii Krajowej",
        "ul.\xa0Słowackiego",
        "ul.\xa0Potocka",
    ]
    assert "Public Library of the Żoliborz District of Warsaw" in text


def test_english_partnership_shows_english_organisation_names(client, bilingual):
    html = client.get(ENGLISH_PARTNERSHIP).content.decode()
    members = re.search(r'<ul class="member-list">(.*?)</ul>', html, re.S).group(1)
    text = text_of(members)
    assert "Żoliborz District Social Welfare Centre, City of Warsaw (OPS)" in text
    assert "Special School and Education Centre No. 9 (SOSW nr 9)" in text
    assert "through its Lending Library No. 111" in text
    assert "Ośrodek" not in text and "Wypożyczalnia" not in text
    assert 'href="/en/cooperation/who-we-work-with/#org-ops-zoliborz"' in members


def test_english_index_and_directory_show_english_organisations(client, bilingual):
    index = text_of(client.get("/en/cooperation/local-partnerships/").content.decode())
    assert "Coordinator of the partnerships" in index
    assert "Żoliborz District Social Welfare Centre, City of Warsaw (OPS)" in index
    directory = client.get("/en/cooperation/who-we-work-with/").content.decode()
    text = text_of(directory)
    assert "Primary School No. 392 (SP nr 392)" in text
    assert "formerly: Gimnazjum nr 55, a lower secondary school" in text
    assert "Szkoła Podstawowa" not in text
    # The English organisations point at the same translation keys as the Polish.
    polish = PartnerOrganization.objects.filter(locale__language_code="pl")
    english_orgs = PartnerOrganization.objects.filter(locale__language_code="en")
    assert {o.translation_key for o in polish} == {
        o.translation_key for o in english_orgs
    }


def test_english_index_shows_translated_places_and_same_streets(client, bilingual):
    html = client.get("/en/cooperation/local-partnerships/").content.decode()
    text = text_of(html)
    assert "4 local partnerships" in text
    assert "Sady Żoliborskie (Żoliborz Orchards)" in text
    assert "ul.\xa0Włościańska" in html


def publish_polish_change(django_capture_on_commit_callbacks):
    page = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    body = page.body.get_prep_value()
    body[0]["value"] = "<p>Partnerstwo działa od maja 2013 roku.</p>"
    page.body = json.dumps(body)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def test_editing_the_polish_page_marks_the_english_out_of_date(
    bilingual, django_capture_on_commit_callbacks
):
    english_locale = Locale.objects.get(language_code="en")
    polish = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    translation = Translation.objects.get(
        source__object_id=polish.translation_key, target_locale=english_locale
    )
    assert not is_out_of_date(translation)

    publish_polish_change(django_capture_on_commit_callbacks)

    translation.refresh_from_db()
    assert is_out_of_date(translation)
    changed = [value for _path, value in changed_source_content(translation.source)]
    assert "Partnerstwo działa od maja 2013 roku." in changed
    # The English page is not changed behind the translators' back.
    english_page = polish.get_translation(english_locale)
    assert "founded in May 2013" in str(english_page.body)

    # "Sync translated pages" brings the new string in: still out of date,
    # now because it waits for a translator.
    translation.source.update_from_db()
    assert changed_source_content(translation.source) == []
    total, translated = translation.get_progress()
    assert translated == total - 1
    assert is_out_of_date(translation)


def test_a_new_street_marks_the_english_out_of_date(bilingual):
    polish = PartnershipPage.objects.get(
        slug="sady-zoliborskie", locale__language_code="pl"
    )
    translation = Translation.objects.get(
        source__object_id=polish.translation_key, target_locale__language_code="en"
    )
    polish.streets.add(PartnershipStreet(name="Gojawiczyńskiej"))
    polish.save()
    assert is_out_of_date(translation)


def one_at_a_time():
    """{translation pk: (changed values, strings to translate)} of the
    translations out of date, decided for each one by itself."""
    found = {}
    for translation in Translation.objects.filter(enabled=True):
        changed = changed_source_content(translation.source)
        total, translated = translation.get_progress()
        if changed or translated < total:
            found[translation.pk] = (changed, total - translated)
    return found


def test_all_translations_at_once_as_one_at_a_time(
    bilingual, django_capture_on_commit_callbacks
):
    """The dashboard decides for every translation at once (a fixed number of
    queries) what it decides for one: on the whole seeded site (every kind of
    page and snippet, rich text, chosen images and pages, rows of every kind)
    after changes of each kind."""
    assert {t.pk for t, *_ in out_of_date()} == set(one_at_a_time()) == set()

    kaskada = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    body = kaskada.body.get_prep_value()
    body += [  # an image and a page chosen in the story
        {
            "type": "image",
            "value": {
                "image": factories.image().pk,
                "alt_text": "Festyn sąsiedzki",
                "decorative": False,
                "caption": "Festyn w parku",
            },
        },
        {
            "type": "link",
            "value": {"label": "Mapa", "page": kaskada.get_parent().pk, "url": ""},
        },
    ]
    kaskada.body = json.dumps(body)
    kaskada.save()
    publish_polish_change(django_capture_on_commit_callbacks)  # new text
    sady = PartnershipPage.objects.get(
        slug="sady-zoliborskie", locale__language_code="pl"
    )
    sady.streets.add(PartnershipStreet(name="Gojawiczyńskiej"))  # a new row
    sady.save()
    organisation = PartnerOrganization.objects.filter(
        locale__language_code="pl"
    ).first()
    organisation.website = "https://example.org/nowy-adres"  # synchronised
    organisation.save()
    footer = FooterText.objects.get(locale__language_code="pl")
    footer.library_name = f"{footer.library_name} – filia"
    footer.save()
    footer_source = TranslationSource.objects.get_for_instance(footer)
    footer_source.update_from_db()  # synced: a string waits for a translator

    expected = one_at_a_time()
    found = {
        t.pk: (changed, untranslated) for t, _s, changed, untranslated in out_of_date()
    }
    assert found == expected
    assert len(found) == 4
    rows = out_of_date_translations()
    assert {row["translation"].pk for row in rows} == set(expected)
    for row in rows:
        assert row["source"] == row["translation"].source.get_source_instance()
        assert row["target"] == row["translation"].get_target_instance()
    assert len(out_of_date_translations(limit=2)) == 2


def test_switcher_leads_to_the_translation(client, bilingual):
    html = client.get(POLISH_PARTNERSHIP).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert f'href="{ENGLISH_PARTNERSHIP}"' in switcher.group(0)
    assert "not translated" not in switcher.group(0)
    english_html = client.get(ENGLISH_PARTNERSHIP).content.decode()
    assert f'href="{POLISH_PARTNERSHIP}"' in english_html


def test_switcher_falls_back_to_the_nearest_translated_page(client, bilingual):
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    page = PartnershipPage(
        title="Partnerstwo „Nowe”",
        slug="nowe",
        founded_year=2020,
        streets=[PartnershipStreet(name="Gojawiczyńskiej")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    response = client.get("/wspolpraca/partnerstwa-lokalne/nowe/")
    html = response.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert 'href="/en/cooperation/local-partnerships/"' in switcher.group(0)
    assert "this page is not translated yet" in switcher.group(0)
    # A page in one language announces no alternates.
    assert alternates(html) == {}
    # And the English address of an untranslated page is a helpful 404.
    response = client.get("/en/cooperation/local-partnerships/nowe/")
    assert response.status_code == 404
    text = text_of(response.content.decode())
    assert "Partnerstwo „Nowe”" in text  # the Polish page, offered as it is
    assert "Go to “Local partnerships in Żoliborz”" in text


def test_sitemap_lists_every_page_in_both_languages(client, bilingual):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = {urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", xml)}
    polish = {page.url for page in polish_pages()}
    english_urls = {
        page.url for page in Page.objects.filter(locale__language_code="en").live()
    }
    assert len(polish) == 12 and len(english_urls) == 12
    assert locations == polish | english_urls
    entry = re.search(
        r"<url><loc>[^<]*/en/cooperation/</loc>.*?</url>", xml, re.S
    ).group(0)
    assert 'hreflang="pl" href="http://localhost/wspolpraca/"' in entry
    assert 'hreflang="en" href="http://localhost/en/cooperation/"' in entry
    assert 'hreflang="x-default" href="http://localhost/wspolpraca/"' in entry


def add_polish_partnerships(count):
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    for number in range(count):
        page = PartnershipPage(
            title=f"Partnerstwo {number}",
            slug=f"partnerstwo-{number}",
            founded_year=2015,
            streets=[PartnershipStreet(name="Gojawiczyńskiej")],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def test_sitemap_queries_do_not_grow_with_pages(client, bilingual):
    client.get("/sitemap.xml")  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    add_polish_partnerships(5)
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/sitemap.xml")
    assert response.content.decode().count("<loc>") == 24 + 5
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("path", "language", "suggested"),
    [
        ("/de/wspolpraca/", "pl", 'href="/wspolpraca/"'),
        ("/de/", "pl", None),
        ("/en/wspolpraca/partnerstwa-lokalne/", "en", 'href="/en/cooperation/'),
        ("/en/no-such-page/", "en", None),
        ("/wspolpraca/local-partnerships/", "pl", 'href="/en/cooperation/'),
    ],
)
def test_unknown_addresses_end_on_a_404_in_the_right_language(
    client, bilingual, path, language, suggested
):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "<h1>" in html
    if suggested:
        assert suggested in html


def test_english_404_is_in_english(client, bilingual):
    html = client.get("/en/no-such-page/").content.decode()
    assert "Page not found" in html
    assert 'href="/en/">Go to the home page' in html
    text = text_of(client.get("/en/wspolpraca/partnerstwa-lokalne/").content.decode())
    assert "Local partnerships in Żoliborz" in text
    assert "Partnerstwa lokalne na Żoliborzu (Polish)" in text


def test_english_footer_and_header_use_english_library_name(client, bilingual):
    html = client.get("/en/").content.decode()
    header = re.search(r'<span class="site-header__name">(.*?)</span>', html).group(1)
    assert header == seed.english_library_name()
    polish = client.get("/").content.decode()
    assert "Biblioteka Publiczna w Dzielnicy Żoliborz" in polish


def test_month_names_are_in_the_visitors_language(client, bilingual):
    cases = [
        ("marymont-kaskada", "marymont-kaskada", "maj 2013", "May 2013"),
        ("zoliborz-oficerski", "zoliborz-oficerski", "listopad 2013", "November 2013"),
        ("sady-zoliborskie", "sady-zoliborskie", "październik 2014", "October 2014"),
    ]
    for polish_slug, english_slug, polish_date, english_date in cases:
        polish = client.get(f"/wspolpraca/partnerstwa-lokalne/{polish_slug}/")
        assert polish_date in text_of(polish.content.decode())
        english_html = client.get(
            f"/en/cooperation/local-partnerships/{english_slug}/"
        ).content.decode()
        assert english_date in text_of(english_html)
        assert polish_date not in text_of(english_html)


def test_librarians_open_english_pages_and_organisations_in_the_translation_editor(
    client, bilingual, django_user_model
):
    user = django_user_model.objects.create_superuser("librarian", "l@example.org", "x")
    client.force_login(user)
    english_page = Page.objects.get(url_path="/home-en/cooperation/")
    response = client.get(f"/admin/pages/{english_page.pk}/edit/")
    assert response.status_code == 200
    templates = {template.name for template in response.templates}
    assert "wagtail_localize/admin/edit_translation.html" in templates
    organisation = PartnerOrganization.objects.get(
        slug="ops-zoliborz", locale__language_code="en"
    )
    response = client.get(
        f"/admin/snippets/cooperation/partnerorganization/edit/{organisation.pk}/"
    )
    assert response.status_code == 200
    templates = {template.name for template in response.templates}
    assert "wagtail_localize/admin/edit_translation.html" in templates


def test_a_link_to_a_polish_page_leads_english_readers_to_its_translation(
    client, bilingual
):
    polish_directory = Page.objects.get(
        url_path="/home/wspolpraca/z-kim-wspolpracujemy/"
    )
    cooperation = Page.objects.get(url_path="/home-en/cooperation/").specific
    body = cooperation.body.get_prep_value()
    body.append(
        {
            "type": "link",
            "value": {"label": "Our partners", "page": polish_directory.pk, "url": ""},
        }
    )
    cooperation.body = json.dumps(body)
    cooperation.save_revision().publish()
    html = client.get("/en/cooperation/").content.decode()
    assert 'href="/en/cooperation/who-we-work-with/">Our partners</a>' in html


def test_dashboard_lists_translations_to_update(
    client, bilingual, django_user_model, django_capture_on_commit_callbacks
):
    user = django_user_model.objects.create_superuser("librarian", "l@example.org", "x")
    client.force_login(user)
    panel_id = 'id="out-of-date-translations-section"'
    assert panel_id not in client.get("/admin/").content.decode()

    polish = publish_polish_change(django_capture_on_commit_callbacks)

    html = unescape(client.get("/admin/").content.decode())
    panel = re.search(panel_id + r".*?</table>", html, re.S)
    assert panel, "the dashboard shows no translations to update"
    source = TranslationSource.objects.get_for_instance(polish)
    assert f'href="/admin/localize/update/{source.pk}/"' in panel.group(0)
    assert "The “Marymont-Kaskada” partnership" in panel.group(0)
    assert "Dla Rudawki" not in panel.group(0)


def test_translating_a_new_page_makes_an_unpublished_draft(
    bilingual, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    page = PartnershipPage(
        title="Partnerstwo „Nowe”",
        slug="nowe",
        founded_year=2020,
        streets=[PartnershipStreet(name="Gojawiczyńskiej")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    english_locale = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [english_locale])
    draft = page.get_translation(english_locale)
    assert not draft.live
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english_locale
    )
    assert is_out_of_date(translation)  # nothing translated yet


def test_loader_leaves_librarians_new_pages_to_them(bilingual):
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    page = PartnershipPage(
        title="Partnerstwo „Nowe”",
        slug="nowe",
        founded_year=2020,
        streets=[PartnershipStreet(name="Gojawiczyńskiej")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    report = load()
    assert report.created == [] and report.skipped == []
    assert page.get_translation_or_none(Locale.objects.get(language_code="en")) is None


def add_english_partnerships(count, django_capture_on_commit_callbacks):
    """Polish partnerships with members, translated into English through
    wagtail-localize and published, as a librarian would."""
    from wagtail_localize.operations import translate_object

    english_locale = Locale.objects.get(language_code="en")
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    organisation = PartnerOrganization.objects.get(
        slug="ops-zoliborz", locale__language_code="pl"
    )
    for number in range(count):
        page = PartnershipPage(
            title=f"Partnerstwo {number}",
            slug=f"partnerstwo-{number}",
            founded_year=2015,
            founded_month=3,
            streets=[PartnershipStreet(name="Gojawiczyńskiej")],
        )
        page.members.add(
            PartnershipMembership(organization=organisation, is_initiator=True)
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [english_locale])
        page.get_translation(english_locale).specific.save_revision().publish()


def add_english_organisations(count, django_capture_on_commit_callbacks):
    from wagtail_localize.operations import translate_object

    english_locale = Locale.objects.get(language_code="en")
    for number in range(count):
        organisation = PartnerOrganization(
            name=f"Fundacja {number}",
            slug=f"fundacja-{number}",
            locale=Locale.get_default(),
            live=True,
        )
        organisation.save()
        organisation.save_revision()
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(organisation, [english_locale])
        english_version = organisation.get_translation(english_locale)
        english_version.save_revision().publish()


def test_english_partnership_index_keeps_a_constant_number_of_queries(
    client, bilingual, django_capture_on_commit_callbacks
):
    path = "/en/cooperation/local-partnerships/"
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    add_english_partnerships(3, django_capture_on_commit_callbacks)
    client.get(path)
    with CaptureQueriesContext(connection) as many:
        response = client.get(path)
    assert "7 local partnerships" in text_of(response.content.decode())
    assert len(many) == len(few)


def test_english_directory_keeps_a_constant_number_of_queries(
    client, bilingual, django_capture_on_commit_callbacks
):
    path = "/en/cooperation/who-we-work-with/"
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    add_english_organisations(3, django_capture_on_commit_callbacks)
    client.get(path)
    with CaptureQueriesContext(connection) as many:
        response = client.get(path)
    assert response.content.decode().count('class="org-card"') == 8 + 3
    assert len(many) == len(few)


@pytest.mark.parametrize("disable_on_delete", [False, True])
def test_a_deleted_english_page_is_made_again_and_skipped_polish_is_reported(
    bilingual, settings, disable_on_delete
):
    # wagtail-localize either deletes the translation records of a deleted
    # page (default) or only disables them; either way it comes back enabled.
    settings.WAGTAILLOCALIZE_DISABLE_ON_DELETE = disable_on_delete
    english_locale = Locale.objects.get(language_code="en")
    kaskada = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    kaskada.get_translation(english_locale).delete()
    oficerski = PartnershipPage.objects.get(
        slug="zoliborz-oficerski", locale__language_code="pl"
    )
    oficerski.get_translation(english_locale).delete()
    oficerski.title = "Partnerstwo „Żoliborz Oficerski” (nowy tytuł)"
    oficerski.save_revision().publish()

    report = load()

    again = kaskada.get_translation(english_locale)
    assert again.live and again.title == "The “Marymont-Kaskada” partnership"
    assert Translation.objects.get(
        source__object_id=kaskada.translation_key, target_locale=english_locale
    ).enabled
    # No English for the new Polish title: left for a librarian, and said so.
    assert oficerski.get_translation_or_none(english_locale) is None
    assert report.skipped == [str(oficerski.specific)]
    assert report.missing[0].strings == [oficerski.title]


def test_switcher_on_search_keeps_the_query(client, bilingual):
    html = client.get("/en/search/?query=kaskada").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    href = re.search(r'href="([^"]+)" lang="pl"', switcher.group(0)).group(1)
    response = client.get(unescape(href), follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/szukaj/"
    assert response.request["QUERY_STRING"] == "query=kaskada"
    assert '<html lang="pl">' in response.content.decode()


def test_loader_is_idempotent_and_keeps_editors_changes_in_both_languages(bilingual):
    counts = (Page.objects.count(), PartnerOrganization.objects.count())
    page = PartnershipPage.objects.get(
        slug="marymont-kaskada", locale__language_code="pl"
    )
    page.title = "Zmieniony tytuł"
    page.save_revision().publish()
    organization = PartnerOrganization.objects.get(
        slug="sosw-9", locale__language_code="pl"
    )
    organization.description = "Opis redaktora"
    organization.save()

    call_command("load_initial_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Page.objects.count(), PartnerOrganization.objects.count()) == counts
    assert (
        PartnershipPage.objects.get(
            slug="marymont-kaskada", locale__language_code="pl"
        ).title
        == "Zmieniony tytuł"
    )
    assert (
        PartnerOrganization.objects.get(
            slug="sosw-9", locale__language_code="pl"
        ).description
        == "Opis redaktora"
    )


def test_footer_links_the_privacy_notice_in_the_visitors_language(client, bilingual):
    html = client.get("/en/cooperation/").content.decode()
    assert 'href="/en/privacy-notice/"' in html
    assert 'href="/polityka-prywatnosci/"' not in html


def test_the_dashboard_costs_the_same_however_many_translations_to_update(
    client, bilingual, django_user_model, django_capture_on_commit_callbacks
):
    """The "Translations to update" panel checks every translation in a
    fixed number of queries: a dashboard load costs the same whatever the
    number of translations to update, and the panel is never stale."""
    user = django_user_model.objects.create_superuser("panel", "p@example.org", "x")
    client.force_login(user)

    def dashboard():
        client.get("/admin/")  # computes what changed since the last load
        with CaptureQueriesContext(connection) as queries:
            html = unescape(client.get("/admin/").content.decode())
        return len(queries), html

    def panel(html):
        found = re.search(
            r'id="out-of-date-translations-section".*?</table>', html, re.S
        )
        return found.group(0) if found else ""

    _count, html = dashboard()
    assert "Marymont-Kaskada” partnership" not in html
    assert Translation.objects.filter(enabled=True).count() > 10
    publish_polish_change(django_capture_on_commit_callbacks)
    one, html = dashboard()
    assert "The “Marymont-Kaskada” partnership" in panel(html)
    rows = panel(html).count("<tr>")
    other = (
        PartnershipPage.objects.filter(locale__language_code="pl")
        .exclude(slug="marymont-kaskada")
        .first()
    )
    other.title += " (zmiana)"
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    two, html = dashboard()
    assert panel(html).count("<tr>") == rows + 1
    assert two == one
