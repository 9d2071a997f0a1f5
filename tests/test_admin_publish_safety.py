"""Librarians working at once, and translators who may not publish:
through the admin views, as non-superuser members of each group.

Real concurrency (two requests at the same moment against a file SQLite
database) is in test_admin_concurrency_live.py; here the requests follow one
another in the order a race can produce."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    Translation,
    TranslationSource,
)

from cooperation.models import CooperationPage, PartnerOrganization, PartnershipPage

from . import factories
from .factories import in_polish, librarian, partnership_form_data, translate_strings

pytestmark = pytest.mark.django_db


def _account(make, username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).first() or make()


def editor():
    return _account(factories.editor, "redaktorka")


def moderator():
    return _account(factories.moderator, "moderator")


def translator():
    return _account(factories.translator, "tlumaczka")


def create_url(parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=["cooperation", "partnershippage", parent.pk],
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# Create view and autosave (a resent create form: test_admin_create_once.py)


def test_autosave_is_off():
    from django.conf import settings

    assert settings.WAGTAIL_AUTOSAVE_INTERVAL == 0


def test_another_librarians_page_with_the_same_address_is_not_taken_over(
    client, site_tree
):
    client.force_login(editor())
    client.post(create_url(site_tree.index), partnership_form_data(slug="wspolne"))
    colleague = librarian("redaktor-2", "Redaktorzy")
    client.force_login(colleague)
    response = client.post(
        create_url(site_tree.index), partnership_form_data(slug="wspolne")
    )
    assert response.status_code == 200  # the form again, with the slug error
    assert PartnershipPage.objects.filter(slug="wspolne").count() == 1
    assert PartnershipPage.objects.get(slug="wspolne").owner.username == "redaktorka"


# Two editors, one page ------------------------------------------------------


def loaded_revision(html):
    fields = dict(
        re.findall(
            r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"',
            html,
        )
    )
    return {key: unescape(value) for key, value in fields.items()}


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, site_tree):
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    anna, bartek = editor(), librarian("bartek", "Redaktorzy")

    client.force_login(bartek)
    bartek_loaded = loaded_revision(client.get(edit_url(page)).content.decode())
    assert bartek_loaded["loaded_revision_id"] == str(page.latest_revision_id)

    client.force_login(anna)
    anna_loaded = loaded_revision(client.get(edit_url(page)).content.decode())
    data = partnership_form_data(
        title="Tytuł Anny", slug="marymont-kaskada", action=None
    )
    response = client.post(edit_url(page), {**data, **anna_loaded})
    assert response.status_code == 302

    client.force_login(bartek)
    data = partnership_form_data(
        title="Tytuł Bartka", slug="marymont-kaskada", action=None
    )
    response = client.post(edit_url(page), {**data, **bartek_loaded})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tytuł Bartka" in html  # his input is still in the form
    assert "redaktorka" in html
    message = in_polish(
        "Your changes were not saved: %(user)s saved a newer version of this "
        "page (%(time)s) after you opened it. What you typed is still in the "
        "form below. Compare it with the newer version (History), then save "
        "again to replace that version, or reload the page to continue from it."
    )
    assert message.startswith("Twoje zmiany")
    assert message.split("%(user)s")[0] in html
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == "Tytuł Anny"

    # The form he got back carries the newer revision: saving again is his
    # deliberate choice, and is accepted.
    again = loaded_revision(html)
    assert again["loaded_revision_id"] == str(page.latest_revision_id)
    response = client.post(edit_url(page), {**data, **again})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == "Tytuł Bartka"


def test_a_stale_submit_is_refused_too(client, site_tree):
    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    client.force_login(editor())
    stale = loaded_revision(client.get(edit_url(page)).content.decode())
    page.save_revision()  # someone else saved since
    data = partnership_form_data(slug="marymont-kaskada")
    response = client.post(edit_url(page), {**data, **stale})
    assert response.status_code == 200
    page.refresh_from_db()
    assert not page.workflow_in_progress


# Translators never publish --------------------------------------------------


@pytest.fixture
def english_cooperation(client, site_tree, django_capture_on_commit_callbacks):
    """The cooperation page translated by a translator (all strings) and
    published by a moderator through the translation editor; then the
    Polish page changed, so a sync has something to bring."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    polish = CooperationPage.objects.get(locale__language_code="pl")
    client.force_login(translator())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[polish.pk]),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(polish)
    translate_strings(source, english)
    translated = polish.get_translation(english)
    client.force_login(moderator())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(translated), {"action": "publish"})
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.live and translated.title.startswith("EN ")
    polish.title = "Współpraca – nowy tytuł"
    polish.save_revision().publish()
    return translated


def live_state(page):
    page = Page.objects.get(pk=page.pk)
    return (page.live, page.live_revision_id, page.title)


def test_the_sync_screen_offers_translators_no_publishing(client, english_cooperation):
    source = TranslationSource.objects.get(
        object_id=english_cooperation.translation_key
    )
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(translator())
    assert 'name="publish_translations"' not in client.get(url).content.decode()
    client.force_login(moderator())
    assert 'name="publish_translations"' in client.get(url).content.decode()


def test_a_translators_publish_is_refused_on_every_path(
    client, english_cooperation, django_capture_on_commit_callbacks
):
    page = english_cooperation
    before = live_state(page)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.force_login(translator())
    attempts = {
        "sync, publish immediately": (
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
        "translation editor": (edit_url(page), {"action": "publish"}),
        "page editor": (
            edit_url(page),
            {"title": "Opublikowane przez tłumaczkę", "action-publish": "1"},
        ),
        "convert to alias": (
            reverse("wagtail_localize:convert_to_alias", args=[page.pk]),
            {},
        ),
        "bulk publish": (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={page.pk}",
            {},
        ),
        "unpublish": (reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {}),
        "revisions: publish an old one": (
            reverse(
                "wagtailadmin_pages:revisions_revert",
                args=[page.pk, page.live_revision_id],
            ),
            {"action-publish": "1"},
        ),
    }
    for name, (url, data) in attempts.items():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code < 500, name
        assert live_state(page) == before, name
    page.refresh_from_db()
    assert page.alias_of_id is None


def test_a_publish_inside_a_translators_request_is_refused_at_the_model(
    rf, english_cooperation
):
    """The last line: whatever view tries it, a save that makes a page live
    during a translator's request is refused."""
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse

    from site_settings.editorial.publishing import AdminWriteMiddleware

    page = english_cooperation
    before = live_state(page)

    def view(request):
        Page.objects.get(pk=page.pk).specific.save_revision(user=request.user).publish()
        return HttpResponse()

    request = rf.post("/admin/anything/")
    request.user = translator()
    with pytest.raises(PermissionDenied):
        AdminWriteMiddleware(view)(request)
    assert live_state(page) == before
    request.user = moderator()
    assert AdminWriteMiddleware(view)(request).status_code == 200
    assert live_state(page) != before


def test_a_translator_cannot_publish_an_organisation_translation(
    client, site_tree, django_capture_on_commit_callbacks
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    polish = PartnerOrganization.objects.get(slug="ops-zoliborz")
    client.force_login(translator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["cooperation", "partnerorganization", polish.pk],
            ),
            {"locales": [english.pk]},
        )
    translated = polish.get_translation(english)
    assert not translated.live
    source = TranslationSource.objects.get_for_instance(polish)
    translate_strings(source, english)
    edit = reverse(
        "wagtailsnippets_cooperation_partnerorganization:edit", args=[translated.pk]
    )
    attempts = [
        (edit, {"action": "publish"}),
        (edit, {"name": "EN name", "action-publish": "1"}),
        (
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
    ]
    before = (translated.live, translated.live_revision_id, translated.name)
    for url, data in attempts:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code < 500, url
        translated.refresh_from_db()
        assert (translated.live, translated.live_revision_id, translated.name) == (
            before
        ), url


# Finished translations reach a moderator ------------------------------------


def state_label(state):
    with translation.override("pl"):
        return translation.pgettext("translation state", state)


def queue_cell(html, title):
    row = re.search(
        r'<th scope="row" class="title"[^>]*>' + re.escape(title) + r"</th>(.*?)</tr>",
        unescape(html),
        re.S,
    )
    assert row, f"no row for {title}"
    return row.group(1)


def test_a_finished_translation_goes_to_moderation_and_the_list_says_so(
    client, site_tree, django_capture_on_commit_callbacks
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    polish = PartnershipPage.objects.get(slug="marymont-kaskada").get_parent()
    client.force_login(translator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[polish.pk]),
            {"locales": [english.pk]},
        )
    translated = polish.get_translation(english)
    queue = reverse("translation_queue")
    cell = queue_cell(client.get(queue).content.decode(), polish.title)
    assert state_label("Draft") in cell
    assert state_label("Out of date") in cell  # nothing translated yet
    submit = reverse("submit_translation_for_moderation", args=["page", translated.pk])
    assert submit in cell

    # Not finished: refused with the number of texts left.
    response = client.post(submit, follow=True)
    assert not Page.objects.get(pk=translated.pk).workflow_in_progress
    total, done = Translation.objects.get(
        source__object_id=polish.translation_key
    ).get_progress()
    with translation.override("pl"):
        refusal = ngettext(
            "'%(name)s' is not finished: %(count)d text is not translated yet.",
            "'%(name)s' is not finished: %(count)d texts are not translated yet.",
            total - done,
        ) % {"name": translated, "count": total - done}
    assert "przetłumacz" in refusal  # the Polish catalogue has it
    assert refusal in unescape(response.content.decode())

    source = TranslationSource.objects.get_for_instance(polish)
    translate_strings(source, english)
    response = client.post(submit, follow=True)
    assert response.status_code == 200
    translated = Page.objects.get(pk=translated.pk).specific
    assert translated.workflow_in_progress
    assert not translated.live
    assert translated.get_latest_revision().content["title"].startswith("EN ")
    cell = queue_cell(response.content.decode(), polish.title)
    assert state_label("In moderation") in cell
    assert submit not in cell

    # The moderator approves it: published, and the list says so.
    moderator_user = moderator()
    client.force_login(moderator_user)
    task_state = translated.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[translated.pk, "approve", task_state.pk],
            ),
            {"comment": ""},
        )
    assert response.status_code < 400
    translated.refresh_from_db()
    assert translated.live and translated.title.startswith("EN ")
    client.force_login(translator())
    cell = queue_cell(client.get(queue).content.decode(), polish.title)
    assert state_label("Published") in cell


def test_submitting_a_translation_leaves_the_live_translation_as_it_is(
    client, english_cooperation, django_capture_on_commit_callbacks
):
    page = english_cooperation
    before = live_state(page)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    english = page.locale
    source.update_from_db()
    translate_strings(source, english, prefix="EN2 ")
    client.force_login(translator())
    response = client.post(
        reverse("submit_translation_for_moderation", args=["page", page.pk])
    )
    assert response.status_code == 302
    assert live_state(page) == before
    page = Page.objects.get(pk=page.pk).specific
    assert page.workflow_in_progress
    assert page.get_latest_revision().content["title"].startswith("EN2 ")
    assert Translation.objects.filter(source=source, enabled=True).exists()


def editor_props(html):
    import json

    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    assert match, "no translation editor"
    return json.loads(unescape(match.group(1)))


def test_the_translation_editor_offers_translators_safe_buttons_only(
    client, english_cooperation
):
    page = english_cooperation
    client.force_login(translator())
    html = client.get(edit_url(page)).content.decode()
    props = editor_props(html)
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canPublish"] is False
    assert in_polish("Send to moderation") in html
    assert reverse("submit_translation_for_moderation", args=["page", page.pk]) in html

    client.force_login(moderator())
    html = client.get(edit_url(page)).content.decode()
    props = editor_props(html)
    assert props["links"]["convertToAliasUrl"]
    assert props["perms"]["canPublish"] is True
    assert in_polish("Send to moderation") not in html


def test_a_stale_organisation_save_is_refused_and_keeps_what_was_typed(
    client, site_tree
):
    organisation = PartnerOrganization.objects.get(slug="ops-zoliborz")
    url = reverse(
        "wagtailsnippets_cooperation_partnerorganization:edit", args=[organisation.pk]
    )

    def form(name):
        return {
            "name": name,
            "short_name": organisation.short_name,
            "sector": organisation.sector,
            "website": organisation.website,
            "address": organisation.address,
            "slug": organisation.slug,
            "logo_alt": "",
        }

    anna, bartek = editor(), librarian("bartek-2", "Redaktorzy")
    client.force_login(bartek)
    bartek_loaded = loaded_revision(client.get(url).content.decode())
    client.force_login(anna)
    anna_loaded = loaded_revision(client.get(url).content.decode())
    assert client.post(url, {**form("Nazwa Anny"), **anna_loaded}).status_code == 302

    client.force_login(bartek)
    response = client.post(url, {**form("Nazwa Bartka"), **bartek_loaded})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nazwa Bartka" in html
    message = in_polish(
        "Your changes were not saved: %(user)s saved a newer version of this "
        "organisation (%(time)s) after you opened it. What you typed is still in "
        "the form below. Compare it with the newer version (History), then save "
        "again to replace that version, or reload the page to continue from it."
    )
    assert message.startswith("Twoje zmiany")
    assert message.split("%(user)s")[0] in html
    organisation.refresh_from_db()
    assert organisation.latest_revision.content["name"] == "Nazwa Anny"


def test_convert_to_alias_is_never_the_main_button(client, english_cooperation):
    """Once a translation is no longer synced it opens in Wagtail's own editor,
    where wagtail-localize adds "Convert to alias page" first in the menu."""
    page = english_cooperation
    Translation.objects.filter(source__object_id=page.translation_key).update(
        enabled=False
    )
    client.force_login(translator())
    html = client.get(edit_url(page)).content.decode()
    assert "localize-convert-to-alias" not in html
    assert 'name="action-publish"' not in html

    client.force_login(moderator())
    html = client.get(edit_url(page)).content.decode()
    actions = re.findall(r'name="((?:action|localize)-[\w-]+)"', html)
    assert "localize-convert-to-alias" in actions
    assert actions[0] != "localize-convert-to-alias"


def test_a_write_request_that_fails_leaves_nothing_half_saved(rf, site_tree):
    """One transaction per write request: a publish that fails after its
    revision was saved leaves no saved-but-unpublished revision."""
    from django.core.handlers.exception import convert_exception_to_response

    from site_settings.editorial.publishing import AdminWriteMiddleware

    page = PartnershipPage.objects.get(slug="marymont-kaskada")
    revisions = page.revisions.count()

    def view(request):
        page.save_revision(user=request.user)
        raise RuntimeError("the publish step failed")

    request = rf.post("/admin/pages/1/edit/")
    request.user = moderator()
    handler = AdminWriteMiddleware(convert_exception_to_response(view))
    response = handler(request)
    assert response.status_code == 500
    assert PartnershipPage.objects.get(pk=page.pk).revisions.count() == revisions
