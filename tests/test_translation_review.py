"""The translation editor's footer and review, as each group's member sees
them: a translator's main button sends to moderation, a moderator approves
and publishes or sends back with a comment the translator then reads, and
nothing destructive is ever the main button."""

import re
from html import unescape

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from cooperation.models import CooperationPage
from home.text import unnest_quotes

from .factories import in_polish, translate_strings
from .test_admin_publish_safety import edit_url, editor, moderator, translator

pytestmark = pytest.mark.django_db

DESTRUCTIVE = [
    "Stop synced translation",
    "Convert to alias page",
    "Delete",
    "Lock",
    "Unpublish",
]


def footer(html):
    """(main action's label, [labels in its menu]) of the editor's footer."""
    match = re.search(
        r'<footer class="[^"]*translation-footer">(.*?)</footer>', html, re.S
    )
    assert match, "no footer"
    body = match.group(1)
    main, _sep, menu = body.partition("w-dropdown__content")
    labels = [
        " ".join(re.sub(r"<[^>]+>", " ", unescape(label)).split())
        for label in re.findall(
            r"<(?:button|a)\b[^>]*>(.*?)</(?:button|a)>", main, re.S
        )
    ]
    labels = [label for label in labels if label]
    more = [
        " ".join(re.sub(r"<[^>]+>", " ", unescape(label)).split())
        for label in re.findall(
            r"<(?:button|a)\b[^>]*>(.*?)</(?:button|a)>", menu, re.S
        )
    ]
    return labels[0], [label for label in more if label]


@pytest.fixture
def english_draft(client, site_tree, django_capture_on_commit_callbacks):
    """The cooperation page translated into English, every string done,
    not published."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    polish = CooperationPage.objects.get(locale__language_code="pl")
    client.force_login(translator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[polish.pk]),
            {"locales": [english.pk]},
        )
    translate_strings(TranslationSource.objects.get_for_instance(polish), english)
    return polish.get_translation(english)


def submit(client, page):
    client.force_login(translator())
    response = client.post(
        reverse("submit_translation_for_moderation", args=["page", page.pk])
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk).specific
    assert page.workflow_in_progress
    return page


def review_url(page, action):
    return reverse("review_translation", args=["page", page.pk, action])


def test_the_translators_main_button_sends_to_moderation(client, english_draft):
    client.force_login(translator())
    html = client.get(edit_url(english_draft)).content.decode()
    main, more = footer(html)
    assert main == in_polish("Send to moderation")
    assert in_polish("Stop synced translation") in more
    for label in DESTRUCTIVE:
        assert main != in_polish(label)
    assert in_polish("Convert to alias page") not in more
    assert in_polish("Delete") not in more
    # wagtail-localize's own footer is hidden, ours replaces it.
    assert "translation-footer" in html


def test_a_translation_in_moderation_waits_for_the_moderator(client, english_draft):
    page = submit(client, english_draft)
    html = client.get(edit_url(page)).content.decode()
    main, _more = footer(html)
    assert main == in_polish("Waiting for a moderator")
    assert (
        reverse("submit_translation_for_moderation", args=["page", page.pk]) not in html
    )


def test_the_moderator_approves_and_publishes_what_the_editor_shows(
    client, english_draft, django_capture_on_commit_callbacks
):
    page = submit(client, english_draft)
    # The translator corrects a text after sending it: the moderator sees and
    # publishes the correction.
    source = TranslationSource.objects.get(object_id=page.translation_key)
    title = StringTranslation.objects.filter(
        locale=page.locale, translation_of__data=source.get_source_instance().title
    ).get()
    title.data = "EN Cooperation, corrected"
    title.save()
    client.force_login(moderator())
    html = client.get(edit_url(page)).content.decode()
    main, more = footer(html)
    assert main == in_polish("Approve and publish")
    assert in_polish("Request changes") in more
    assert 'id="translation-review"' in html
    for label in DESTRUCTIVE:
        assert main != in_polish(label)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(page, "approve"), {"next": edit_url(page)}, follow=True
        )
    assert response.status_code == 200
    page = Page.objects.get(pk=page.pk).specific
    assert page.live and not page.workflow_in_progress
    assert page.title == "EN Cooperation, corrected"
    text = unescape(response.content.decode())
    assert "Opublikowano" in text


def test_the_moderator_sends_it_back_and_the_translator_reads_why(
    client, english_draft
):
    page = submit(client, english_draft)
    client.force_login(moderator())
    refused = client.post(review_url(page, "reject"), {"comment": "  "}, follow=True)
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    assert in_polish(
        "Write to the translator what to correct; the translation was not sent back."
    ) in unescape(refused.content.decode())
    comment = "Proszę poprawić nazwę ulicy w drugim akapicie."
    client.post(review_url(page, "reject"), {"comment": comment})
    page = Page.objects.get(pk=page.pk).specific
    assert page.current_workflow_state.status == "needs_changes"
    assert not page.live

    client.force_login(translator())
    html = unescape(client.get(edit_url(page)).content.decode())
    assert in_polish("To correct.") in html and comment in html
    main, _more = footer(html)
    assert main == in_polish("Send to moderation")
    # Sent again, it goes back to the same moderation.
    page = submit(client, page)
    assert page.current_workflow_state.status == "in_progress"


def test_only_the_workflows_reviewers_may_review(client, english_draft):
    page = submit(client, english_draft)
    for user in (translator(), editor()):
        client.force_login(user)
        response = client.post(review_url(page, "approve"))
        # Wagtail answers a refusal in the admin with the dashboard.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert Page.objects.get(pk=page.pk).workflow_in_progress


def test_outside_moderation_the_moderator_publishes_and_nothing_else_is_main(
    client, english_draft, django_capture_on_commit_callbacks
):
    client.force_login(moderator())
    html = client.get(edit_url(english_draft)).content.decode()
    main, more = footer(html)
    assert main == in_polish("Publish the translation (%(language)s)") % {
        "language": "angielski"
    }
    assert in_polish("Stop synced translation") in more
    assert in_polish("Lock") in more
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(english_draft), {"action": "publish"})
    assert response.status_code == 302
    assert Page.objects.get(pk=english_draft.pk).live


def test_the_dashboard_says_approve_and_publish_and_what_happened(
    client, site_tree, django_capture_on_commit_callbacks
):
    from cooperation.models import PartnershipPage

    page = PartnershipPage.objects.get(slug="sady-zoliborskie")
    page.save_revision(user=editor())
    page.get_workflow().start(page, editor())
    client.force_login(moderator())
    dashboard = reverse("wagtailadmin_home")
    html = unescape(client.get(dashboard).content.decode())
    approve = in_polish("%(label)s and Publish") % {"label": in_polish("Approve")}
    assert approve == "Akceptuj i opublikuj"
    assert f">{approve}</button>" in html
    task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", task_state.pk],
            ),
            {"next": dashboard},
            follow=True,
        )
    assert Page.objects.get(pk=page.pk).live
    shown = unnest_quotes(f"Opublikowano: „{page.title}”.")
    assert "„" in page.title and shown == f"Opublikowano: {page.title}."
    assert shown in unescape(response.content.decode())


# Moderation e-mails ---------------------------------------------------------


def test_the_e_mails_about_a_translation_link_the_sites_own_address(
    client, english_draft, django_capture_on_commit_callbacks
):
    """The moderator is told a translation waits, the translator that it
    came back, each with a link to the translation editor at the address
    the site is served on."""
    address = "http://127.0.0.1:8123"
    edit = f"{address}/admin/pages/{english_draft.pk}/edit/"
    reviewer = moderator()  # in the group before anything is sent
    with override_settings(WAGTAILADMIN_BASE_URL=address):
        with django_capture_on_commit_callbacks(execute=True):
            page = submit(client, english_draft)
        to_moderator = [m for m in mail.outbox if reviewer.email in m.to]
        assert to_moderator, [m.subject for m in mail.outbox]
        assert edit in to_moderator[-1].body
        mail.outbox.clear()
        client.force_login(reviewer)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(review_url(page, "reject"), {"comment": "Popraw tytuł."})
    to_translator = [m for m in mail.outbox if translator().email in m.to]
    assert to_translator, [m.subject for m in mail.outbox]
    assert edit in to_translator[-1].body
    assert "Popraw tytuł." in to_translator[-1].body
    for message in to_translator:
        assert "localhost" not in message.body and ":8000" not in message.body


def test_one_changed_paragraph_is_all_there_is_to_translate_again(
    client, english_draft, django_capture_on_commit_callbacks
):
    """After a sync only the changed paragraph waits for the translator; the
    rest stays translated, and the approved page shows both."""
    client.force_login(moderator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(english_draft), {"action": "publish"})
    polish = CooperationPage.objects.get(locale__language_code="pl")
    body = [dict(block) for block in polish.body.raw_data]
    assert [block["type"] for block in body] == ["heading", "paragraph"]
    body[1]["value"] = "<p>Nowy akapit o współpracy z sąsiadami.</p>"
    polish.body = body
    polish.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(polish)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        )
    assert response.status_code == 302
    translation = source.translations.get(target_locale=english_draft.locale)
    total, done = translation.get_progress()
    assert total - done == 1
    english = Page.objects.get(pk=english_draft.pk).specific
    assert english.live  # nothing changed on the live English page yet

    client.force_login(translator())
    html = client.get(edit_url(english)).content.decode()
    assert footer(html)[0] == in_polish("Send to moderation")
    translate_strings(source, english.locale, prefix="EN ")  # the new one too
    page = submit(client, english)
    client.force_login(moderator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(page, "approve"))
    english = Page.objects.get(pk=english.pk).specific
    text = str(english.body)
    assert "EN Nowy akapit o współpracy z sąsiadami." in text
    assert "EN Potrzeba współpracy lokalnej" in text
    assert "trawestując" not in text  # the old paragraph is gone
