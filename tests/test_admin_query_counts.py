"""The admin screens librarians use most (dashboard, page edit, organisation
list) cost at most 20 queries that the project's own code adds (Wagtail's
own are Wagtail's), and the same number with few translations, pages and
organisations as with many: the dashboard, whose "Translations to update"
panel is computed on every load, right after a change and on the next
load."""

import re
import traceback
from html import unescape
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object

from cooperation.models import PartnershipMembership

from . import factories

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
OWN = tuple(str(PROJECT / app) for app in ("home", "cooperation", "site_settings"))
CEILING = 20


def own(frame):
    """A frame of the project's code, other than the middleware every
    request passes through (its own queries are counted where they are)."""
    if not frame.filename.startswith(OWN):
        return False
    # Middleware (page cache, security headers, admin input checks,
    # the admin's write transaction) wraps every query of a request.
    return frame.name not in {"__call__", "process_view", "process_request"}


def counted(client, url):
    """(all queries, queries the project's code made) of a GET of ``url``."""
    client.get(url)  # warm per-process caches
    counts = {"all": 0, "own": 0}

    def count(execute, sql, params, many, context):
        counts["all"] += 1
        if any(own(frame) for frame in traceback.extract_stack()):
            counts["own"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, url
    return counts


@pytest.fixture
def moderator_client(client, site_tree):
    client.force_login(factories.moderator())
    return client


def test_the_most_used_screens_stay_under_the_ceiling(moderator_client, site_tree):
    page = site_tree.partnerships["marymont-kaskada"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailsnippets_cooperation_partnerorganization:list"),
    ]
    for url in urls:
        counts = counted(moderator_client, url)
        assert counts["own"] < CEILING, (url, counts)


# --- The dashboard at two sizes --------------------------------------------


def measured(client, url):
    """Queries the project's code made in one GET of ``url`` (no warm-up)."""
    counts = {"own": 0}

    def count(execute, sql, params, many, context):
        if any(own(frame) for frame in traceback.extract_stack()):
            counts["own"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, url
    return counts["own"], response.content.decode()


def translate_every_string(instance, english):
    """Every string of ``instance``'s wagtail-localize translation into
    English translated, as a translator finishing it leaves it."""
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=english,
            context_id=segment.context_id,
            defaults={"data": f"EN {segment.string.data}"},
        )


def translated_partnerships(site, english, count, capture):
    """``count`` partnerships, each with a member organisation of its own,
    an image and a link in its story, translated into English through
    wagtail-localize with every string translated."""
    picture = factories.image("Zdjęcie z festynu")
    made = []
    for _number in range(count):
        member = factories.organization()
        page = factories.partnership(
            site.index,
            members=[(member, True, "koordynator")],
            body=[
                factories.paragraph("Sąsiedzi spotykają się co miesiąc."),
                {
                    "type": "image",
                    "value": {
                        "image": picture.pk,
                        "alt_text": "Festyn sąsiedzki",
                        "decorative": False,
                        "caption": "Festyn w parku",
                    },
                },
                {
                    "type": "link",
                    "value": {"label": "Mapa", "page": site.directory.pk, "url": ""},
                },
            ],
        )
        with capture(execute=True):
            translate_object(member, [english])
            translate_object(page, [english])
        translate_every_string(member, english)
        translate_every_string(page, english)
        made.append((page, member))
    return made


def put_out_of_date(made, capture):
    """Of each four partnerships: the first's Polish title changed, the
    second's organisation renamed, the third given a new sentence that a
    sync brought in and nobody translated yet. What the panel must list."""
    listed = []
    for number, (page, member) in enumerate(made):
        if number % 4 == 0:
            page.title = f"{page.title} (nowa nazwa)"
            with capture(execute=True):
                page.save_revision().publish()
            listed.append(page.title)
        elif number % 4 == 1:
            member.name = f"{member.name} (nowa nazwa)"
            member.save()
            listed.append(member.name)
        elif number % 4 == 2:
            page.search_description = "Nowe zdanie do przetłumaczenia."
            page.save()
            TranslationSource.objects.get_for_instance(page).update_from_db()
            listed.append(page.title)
    return listed


def dashboard_counts(client, change):
    """(cold, warm, html) of the dashboard: cold right after ``change``,
    warm on the next load."""
    url = reverse("wagtailadmin_home")
    client.get(url)  # per-process caches (content types, locales)
    change()
    cold, _html = measured(client, url)
    warm, html = measured(client, url)
    return cold, warm, unescape(html)


# The "Translations to update" panel on every load: the translations with
# their progress (1), the synced strings and values (2), and for each kind of
# object translated its objects (1 each: partnerships, organisations), the
# partnerships' rows (5: streets, places, former names, members, documents),
# the images and pages chosen in their stories (2) and the translated objects
# (2). And on every load: the accessibility statement's reminder (4: locales,
# statements, the reader's page permissions, their workflow states) and the
# review panel, Wagtail's "awaiting your review" panel that the project's
# subclass renders (5: tasks, their kinds, group checks 2, task states).
STATEMENT_REMINDER = 4
REVIEW_PANEL = 5
COLD_DASHBOARD = STATEMENT_REMINDER + REVIEW_PANEL + 1 + 2 + 2 + 5 + 2 + 2


def test_the_dashboard_costs_the_same_at_two_sizes(
    moderator_client, site_tree, english, django_capture_on_commit_callbacks
):
    """Right after a change and on the next load, the dashboard costs the
    same with 4 translations as with 20, and lists every one that is out of
    date."""
    capture = django_capture_on_commit_callbacks
    made, expected = [], set()
    for size in (2, 10):
        more = translated_partnerships(site_tree, english, size - len(made), capture)
        made += more
        expected.update(put_out_of_date(more, capture))
        changed_last = made[-1][0]

        def change(page=changed_last):
            page.search_description = "Zmiana po ostatnim wczytaniu."
            with capture(execute=True):
                page.save_revision().publish()

        expected.add(changed_last.title)
        cold, warm, html = dashboard_counts(moderator_client, change)
        assert (cold, warm) == (COLD_DASHBOARD, COLD_DASHBOARD), size
        panel = re.search(
            r'id="out-of-date-translations-section".*?</table>', html, re.S
        )
        assert panel, size
        assert panel.group(0).count("<tr>") == 1 + len(expected), size  # + heading
        for title in expected:
            assert title in panel.group(0), (size, title)


# --- Page edit and the organisation list at two sizes ------------------------


def translated_into_english(page, english, capture):
    """``page`` and its parents translated through wagtail-localize, one at
    a time and parents first, as an editor does; the English page."""
    for ancestor in [*page.get_ancestors().filter(depth__gte=2), page]:
        with capture(execute=True):
            translate_object(ancestor.specific, [english])
    return page.get_translation(english)


def test_page_edit_and_organisation_list_cost_the_same_at_two_sizes(
    moderator_client, site_tree, english, django_capture_on_commit_callbacks
):
    """A partnership's edit view in Polish and its English translation's
    (wagtail-localize's editor), and the organisation list, cost the project
    the same with 4 more member organisations as with 20."""
    page = site_tree.partnerships["marymont-kaskada"]
    english_page = translated_into_english(
        page, english, django_capture_on_commit_callbacks
    )
    urls = {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "edit in English": reverse("wagtailadmin_pages:edit", args=[english_page.pk]),
        "organisations": reverse(
            "wagtailsnippets_cooperation_partnerorganization:list"
        ),
    }
    other = site_tree.partnerships["sady-zoliborskie"]
    sizes = {}
    added = 0
    for size in (4, 20):
        # ``size`` organisations more, each a member of both partnerships.
        for _number in range(size - added):
            member = factories.organization()
            page.members.add(PartnershipMembership(organization=member, role="członek"))
            other.members.add(PartnershipMembership(organization=member))
        page.save()
        other.save()
        # "Sync translated pages": the English editor shows the new members.
        TranslationSource.objects.get_for_instance(page).update_from_db()
        added = size
        sizes[size] = {}
        for name, url in urls.items():
            moderator_client.get(url)
            sizes[size][name], html = measured(moderator_client, url)
            if name == "edit":  # the new members are on the page
                assert escape(member.name) in html, size
    assert sizes[4] == sizes[20]
    assert all(count < CEILING for count in sizes[20].values()), sizes
