"""The tests' one helpers module: factories of the pages, rows,
organisations, images and librarian accounts a test needs, built in code in a
few milliseconds each; English copies; admin form data as a browser sends it.

Every function takes what matters to a test as arguments and fills in the
rest. ``polish_site()`` composes them into a small Polish site shaped like the
library's (home → Współpraca → the partnerships and the directory, the legal
pages), with test-owned data: four partnerships with real Żoliborz streets, so
that street-finder, search and directory tests have boundaries, inflections
and sectors to find. It is not the seed: tests of the seed itself use the
``seeded`` and ``bilingual`` fixtures in conftest.py.

Pages are created live (as published) without a revision: Wagtail's publish
action costs ten times more and no test of rendering needs it. ``publish()``
gives an object a published revision; ``polish_site()`` publishes its
partnerships and organisations that way, for the admin's history, compare
and moderation tests.
"""

import datetime
import io
import itertools
import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cooperation.models import (
    CooperationPage,
    PartnerDirectoryPage,
    PartnerOrganization,
    PartnershipFormerName,
    PartnershipIndexPage,
    PartnershipMembership,
    PartnershipPage,
    PartnershipPlace,
    PartnershipStreet,
)
from cooperation.roles import EDITORS, MODERATORS, TRANSLATORS, ensure_roles
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from site_settings.models import FooterText, SiteSettings

LIBRARY_NAME = "Biblioteka Publiczna w Dzielnicy Żoliborz m.st. Warszawy"

_numbers = itertools.count(1)


def paragraph(text):
    """One StreamField paragraph block, as the admin stores it."""
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def locale(code="pl"):
    found, _created = Locale.objects.get_or_create(language_code=code)
    return found


def tree_roots():
    """What migrations make and a flush removes: both locales, Wagtail's
    root page and root collection."""
    polish = locale("pl")
    locale("en")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Wszystkie strony", slug="root", locale=polish)
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Wszystkie pliki")
    return Page.objects.get(depth=1)


def image(title=None, width=48, height=32, colour=(11, 93, 75)):
    """A small PNG in the image library."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    number = next(_numbers)
    model = get_image_model()
    instance = model(title=title or f"Obraz {number}")
    instance.file = ImageFile(buffer, name=f"obraz-{number}.png")
    instance.save()
    return instance


def _live(page):
    now = timezone.now()
    page.live = True
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now
    return page


def publish(obj):
    """Publish ``obj`` (a page or an organisation) as a moderator would: a
    revision, published, so the admin shows it live with its history."""
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


def add_page(parent, page):
    """``page`` added under ``parent`` in the parent's language, live."""
    page.locale = page.locale if page.locale_id else parent.locale
    parent.add_child(instance=_live(page))
    return page


def home_page(title=LIBRARY_NAME, slug="home", language="pl", **fields):
    """A language's home page; the Polish one is the default site's root."""
    root = tree_roots()
    # Wagtail's own "Welcome to your new Wagtail site!" page holds the slug.
    for welcome in root.get_children().filter(slug=slug):
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    page = HomePage(title=title, slug=slug, locale=locale(language), **fields)
    root.add_child(instance=_live(page))
    if language == "pl":
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=page, is_default_site=True
            )
        else:
            site.root_page = page
            site.save()
    return page


def cooperation_page(home, title="Współpraca", slug="wspolpraca", **fields):
    fields.setdefault("show_in_menus", True)
    return add_page(home, CooperationPage(title=title, slug=slug, **fields))


def partnership_index(
    cooperation,
    title="Partnerstwa lokalne na Żoliborzu",
    slug="partnerstwa-lokalne",
    **fields,
):
    return add_page(cooperation, PartnershipIndexPage(title=title, slug=slug, **fields))


def directory_page(cooperation, title="Z kim współpracujemy", **fields):
    fields.setdefault("slug", "z-kim-wspolpracujemy")
    return add_page(cooperation, PartnerDirectoryPage(title=title, **fields))


def organization(name=None, slug=None, sector="ngo", language="pl", **fields):
    """A live partner organisation."""
    number = next(_numbers)
    organisation = PartnerOrganization(
        name=name or f"Organizacja {number}",
        slug=slug or f"organizacja-{number}",
        sector=sector,
        locale=locale(language),
        live=True,
        **fields,
    )
    organisation.save()
    return organisation


def partnership(
    index,
    title=None,
    slug=None,
    founded=(2015, None),
    streets=(("ulica", "Testowa"),),
    places=(),
    former_names=(),
    members=(),
    logo=None,
    logo_alt="",
    body=(),
):
    """A live partnership page with its rows. ``streets`` and ``places`` are
    (type, name) pairs, ``former_names`` (name, last year), ``members``
    (organisation, is initiator, role)."""
    number = next(_numbers)
    year, month = founded
    page = PartnershipPage(
        title=title or f"Partnerstwo {number}",
        slug=slug or f"partnerstwo-{number}",
        founded_year=year,
        founded_month=month,
        logo=logo,
        logo_alt=logo_alt or (f"Logo: {title}" if logo else ""),
        body=list(body),
        streets=[
            PartnershipStreet(street_type=kind, name=name, sort_order=order)
            for order, (kind, name) in enumerate(streets)
        ],
        places=[
            PartnershipPlace(kind=kind, name=name, sort_order=order)
            for order, (kind, name) in enumerate(places)
        ],
        former_names=[
            PartnershipFormerName(name=name, used_until=until, sort_order=order)
            for order, (name, until) in enumerate(former_names)
        ],
        members=[
            PartnershipMembership(
                organization=member,
                is_initiator=initiator,
                role=role,
                sort_order=order,
            )
            for order, (member, initiator, role) in enumerate(members)
        ],
    )
    return add_page(index, page)


def statement_page(home, **fields):
    today = datetime.date.today()
    defaults = {
        "title": "Deklaracja dostępności",
        "slug": "deklaracja-dostepnosci",
        "entity_name": LIBRARY_NAME,
        "publication_date": today,
        "last_update_date": today,
        "prepared_date": today,
        "status": "partially-compliant",
        "complaint_procedure": (
            "<p>Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności. "
            'Możesz złożyć wniosek do <a href="https://bip.brpo.gov.pl/">'
            "Rzecznika Praw Obywatelskich</a>.</p>"
        ),
    }
    return add_page(home, AccessibilityStatementPage(**{**defaults, **fields}))


def privacy_page(home, **fields):
    defaults = {
        "title": "Polityka prywatności",
        "slug": "polityka-prywatnosci",
        "intro": "Strona nie używa plików cookie.",
        "body": [heading("Administrator danych"), paragraph("Biblioteka.")],
    }
    page = add_page(home, StandardPage(**{**defaults, **fields}))
    for site in Site.objects.filter(root_page=home):
        settings = SiteSettings.for_site(site)
        settings.privacy_page = page
        settings.save()
    return page


def footer_text(library_name=LIBRARY_NAME, language="pl", body=""):
    return FooterText.objects.create(
        locale=locale(language), library_name=library_name, body=body
    )


# Test-owned data in the shape of the library's: four partnerships whose
# streets give the street finder boundaries (Broniewskiego, Krasińskiego,
# Mickiewicza, Słowackiego, Armii Krajowej each bound two areas), inflected
# names (Potocka, Włościańska) and prefixes (gen. Zajączka, Wybrzeże).
KASKADA = "Współinicjator partnerstwa „Marymont-Kaskada” (2013)."
ORGANIZATIONS = [
    # slug, name, short name, sector, description
    (
        "ops-zoliborz",
        "Ośrodek Pomocy Społecznej Dzielnicy Żoliborz",
        "OPS",
        "public",
        "Koordynator działań czterech żoliborskich partnerstw lokalnych.",
    ),
    (
        "stowarzyszenie-boris",
        "Stowarzyszenie BORIS",
        "BORIS",
        "ngo",
        "Współinicjator pierwszego żoliborskiego partnerstwa lokalnego (2011).",
    ),
    (
        "zgn-zoliborz",
        "Zakład Gospodarowania Nieruchomościami",
        "ZGN",
        "public",
        "Współinicjator partnerstw „Marymont-Kaskada” i „Żoliborz Oficerski”.",
    ),
    (
        "sosw-9",
        "Specjalny Ośrodek Szkolno-Wychowawczy nr 9",
        "SOSW nr 9",
        "school",
        KASKADA,
    ),
    ("ognisko-marymont", "Ognisko Marymont", "", "school", KASKADA),
    (
        "biblioteka-zoliborz",
        LIBRARY_NAME,
        "",
        "culture",
        "Od 2011 roku w partnerstwach lokalnych na Żoliborzu.",
    ),
    (
        "urzad-dzielnicy-zoliborz",
        "Urząd Dzielnicy Żoliborz",
        "",
        "public",
        "Z inicjatywy Burmistrza powstało partnerstwo „Żoliborz Oficerski”.",
    ),
    (
        "sp-392",
        "Szkoła Podstawowa nr 392",
        "SP nr 392",
        "school",
        "Współinicjator partnerstwa „Żoliborz Oficerski” (2013).",
    ),
]
FORMER_ORGANIZATION_NAMES = {"sp-392": "Gimnazjum nr 55"}

PARTNERSHIPS = [
    {
        "slug": "dla-rudawki-i-zatrasia",
        "title": "Partnerstwo „Dla Rudawki i Zatrasia”",
        "founded": (2011, None),
        "former_names": [("Nasz Żoliborz IV", 2018)],
        "places": [("estate", "Zatrasie"), ("estate", "Rudawka")],
        "streets": [
            ("ulica", "Broniewskiego"),
            ("ulica", "Krasińskiego"),
            ("ulica", "Powązkowska"),
            ("aleja", "Armii Krajowej"),
        ],
        "members": [("ops-zoliborz", True, ""), ("stowarzyszenie-boris", True, "")],
        "body": "Partnerstwo powstało jako pierwsze na Żoliborzu w 2011 roku.",
    },
    {
        "slug": "marymont-kaskada",
        "title": "Partnerstwo „Marymont-Kaskada”",
        "founded": (2013, 5),
        "places": [("park", "Park Kaskada")],
        "streets": [
            ("ulica", "Mickiewicza"),
            ("trasa", "Trasa Armii Krajowej"),
            ("ulica", "Słowackiego"),
            ("ulica", "Potocka"),
        ],
        "members": [
            ("ops-zoliborz", True, ""),
            ("zgn-zoliborz", True, ""),
            ("sosw-9", True, ""),
            ("ognisko-marymont", True, ""),
            ("biblioteka-zoliborz", True, "Wypożyczalnia nr 111"),
        ],
        "body": "Partnerstwo powstało w maju 2013 roku.",
    },
    {
        "slug": "zoliborz-oficerski",
        "title": "Partnerstwo „Żoliborz Oficerski”",
        "founded": (2013, 11),
        "places": [("estate", "Żoliborz Oficerski")],
        "streets": [
            ("ulica", "Krajewskiego"),
            ("ulica", "gen. Zajączka"),
            ("ulica", "Mickiewicza"),
            ("ulica", "Mierosławskiego"),
            ("ulica", "Czarnieckiego"),
            ("ulica", "Krasińskiego"),
            ("wybrzeze", "Wybrzeże Gdyńskie"),
        ],
        "members": [
            ("urzad-dzielnicy-zoliborz", True, "Burmistrz Dzielnicy Żoliborz"),
            ("zgn-zoliborz", True, ""),
            ("sp-392", True, ""),
            ("ops-zoliborz", True, ""),
        ],
        "body": "Partnerstwo powstało w listopadzie 2013 roku.",
    },
    {
        "slug": "sady-zoliborskie",
        "title": "Partnerstwo „Sady Żoliborskie”",
        "founded": (2014, 10),
        "places": [("estate", "Sady Żoliborskie")],
        "streets": [
            ("ulica", "Włościańska"),
            ("ulica", "Słowackiego"),
            ("ulica", "Popiełuszki"),
            ("ulica", "Broniewskiego"),
        ],
        "members": [],
        "body": "Partnerstwo powstało w październiku 2014 roku jako czwarte.",
    },
]


@dataclass
class PolishSite:
    """The pages and objects ``polish_site()`` made, by role."""

    home: HomePage
    cooperation: CooperationPage
    index: PartnershipIndexPage
    directory: PartnerDirectoryPage
    statement: AccessibilityStatementPage
    privacy: StandardPage
    organizations: dict = field(default_factory=dict)
    partnerships: dict = field(default_factory=dict)

    def reloaded(self):
        """The same objects read afresh from the database, so a test that
        changes one in memory does not change the next test's."""

        def fresh(obj):
            return type(obj).objects.get(pk=obj.pk)

        return PolishSite(
            home=fresh(self.home),
            cooperation=fresh(self.cooperation),
            index=fresh(self.index),
            directory=fresh(self.directory),
            statement=fresh(self.statement),
            privacy=fresh(self.privacy),
            organizations={k: fresh(v) for k, v in self.organizations.items()},
            partnerships={k: fresh(v) for k, v in self.partnerships.items()},
        )


def polish_site(logos=True):
    """A small Polish site shaped like the library's (see the module's
    docstring), with the librarians' roles and workflow in place."""
    home = home_page(intro="Biblioteka na Żoliborzu to miejsce spotkań.")
    footer_text()
    organizations = {}
    for slug, name, short_name, sector, description in ORGANIZATIONS:
        organizations[slug] = publish(
            organization(
                name=name,
                slug=slug,
                short_name=short_name,
                sector=sector,
                former_name=FORMER_ORGANIZATION_NAMES.get(slug, ""),
                description=description,
            )
        )
    cooperation = cooperation_page(
        home,
        search_description="Dlaczego współpraca lokalna opłaca się wszystkim.",
        body=[
            heading("Potrzeba współpracy lokalnej"),
            paragraph(
                "Czy współpraca – trawestując słowa piosenki – to lek na całe "
                "zło? Działamy wspólnie i systemowo."
            ),
        ],
    )
    index = partnership_index(
        cooperation,
        coordinator=organizations["ops-zoliborz"],
        library_joined_year=2011,
        intro=[paragraph("Partnerstwa lokalne to koalicje wszystkich sektorów.")],
    )
    partnerships = {}
    logo = image("Logo zastępcze") if logos else None
    for data in PARTNERSHIPS:
        partnerships[data["slug"]] = publish(
            partnership(
                index,
                title=data["title"],
                slug=data["slug"],
                founded=data["founded"],
                streets=data["streets"],
                places=data["places"],
                former_names=data.get("former_names", ()),
                members=[
                    (organizations[slug], initiator, role)
                    for slug, initiator, role in data["members"]
                ],
                logo=logo,
                body=[paragraph(data["body"])],
            )
        )
    directory = directory_page(
        cooperation, intro=[paragraph("Instytucje, z którymi współpracujemy.")]
    )
    statement = statement_page(home)
    privacy = privacy_page(home)
    ensure_roles()
    return PolishSite(
        home=home,
        cooperation=cooperation,
        index=index,
        directory=directory,
        statement=statement,
        privacy=privacy,
        organizations=organizations,
        partnerships=partnerships,
    )


# Librarians: ordinary (non-superuser) accounts, one group each.

PASSWORD = "biblioteka-Zoliborz-2026"  # noqa: S105


def librarian(username, group_name):
    """A staff-less, non-superuser account in one of the librarians' groups."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.invalid", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def editor():
    return librarian("redaktorka", EDITORS)


def moderator():
    return librarian("moderator", MODERATORS)


def translator():
    return librarian("tlumaczka", TRANSLATORS)


def in_polish(message):
    """A message (msgid or lazy) as the Polish admin shows it, HTML-escaped.
    Without the compiled Polish catalog this is the English msgid."""
    with translation.override("pl"):
        return escape(translation.gettext(str(message)))


def png_bytes(width=120, height=80, noisy=True):
    if noisy:
        pixels = os.urandom(width * height * 3)
        image = PILImage.frombytes("RGB", (width, height), pixels)
    else:
        image = PILImage.new("RGB", (width, height), "#0b5d4b")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def truncated_png():
    """A PNG whose header is intact but whose pixel data is cut in half, as
    an interrupted upload or a broken disk leaves it."""
    data = png_bytes(400, 300)
    return data[: len(data) // 2]


def upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def logo_image(title="Logo partnerstwa"):
    return image(title=title, width=120, height=80)


def partnership_form_data(
    *,
    title="Partnerstwo Lokalne Stary Żoliborz",
    slug="stary-zoliborz",
    founded_year=2016,
    founded_month=4,
    logo=None,
    logo_alt="Logo Partnerstwa Lokalnego Stary Żoliborz",
    streets=(("ulica", "Krasińskiego"), ("aleja", "Wojska Polskiego")),
    organizations=(),
    action="action-submit",
):
    """POST data for the partnership add/edit form, as the browser sends it."""
    data = {
        "title": title,
        "slug": slug,
        "founded_year": str(founded_year),
        "founded_month": "" if founded_month is None else str(founded_month),
        "logo": "" if logo is None else str(logo.pk),
        "logo_alt": logo_alt,
        "body": streamfield(
            [
                (
                    "paragraph",
                    rich_text("<p>Partnerstwo działa od 2016 roku.</p>"),
                )
            ]
        ),
        "former_names": inline_formset([]),
        "documents": inline_formset([]),
        "streets": inline_formset(
            [
                {"street_type": street_type, "name": name}
                for street_type, name in streets
            ],
            min=1,
        ),
        "places": inline_formset([{"kind": "estate", "name": "Kolonia Profesorska"}]),
        "members": inline_formset(
            [
                {
                    "organization": str(organization.pk),
                    "is_initiator": index == 0,
                    "role": "",
                }
                for index, organization in enumerate(organizations)
            ]
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    # Unticked checkboxes are not sent at all.
    return {key: value for key, value in form.items() if value is not False}


# English copies made directly (copy_for_translation), for tests that need
# an English page or organisation but not wagtail-localize's translation.


def translate_organizations(english):
    """An English copy of every Polish organisation, named "EN <name>"."""
    copies = []
    for organization in PartnerOrganization.objects.filter(locale__language_code="pl"):
        translated = organization.copy_for_translation(english)
        translated.name = f"EN {organization.name}"
        translated.live = True
        translated.save()
        copies.append(translated)
    return copies


def translate_page(page, english, title, **fields):
    """Publish an English copy of ``page`` (parents become aliases)."""
    translated = page.copy_for_translation(english, copy_parents=True)
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def translate_directory_and_kaskada(english):
    translate_organizations(english)
    translate_page(PartnerDirectoryPage.objects.get(), english, "Who we work with")
    return translate_page(
        PartnershipPage.objects.get(slug="marymont-kaskada"),
        english,
        "Marymont-Kaskada Partnership",
    )


def translate_strings(source, locale, prefix="EN "):
    """Every string of a translation source translated by hand: the source
    text behind ``prefix``."""
    from wagtail_localize.models import StringSegment, StringTranslation

    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": prefix + segment.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


# News (the news app): an index under a home page and items under it.


def news_index(home, title="Aktualności", slug="aktualnosci", **fields):
    from news.models import NewsIndexPage

    return add_page(home, NewsIndexPage(title=title, slug=slug, **fields))


def news_item(index, title, date=None, partnerships=(), lead=None, **fields):
    """A live news item under ``index``, concerning ``partnerships``."""
    from news.models import NewsPage, NewsPartnership

    page = NewsPage(
        title=title,
        slug=fields.pop("slug", None) or f"aktualnosc-{next(_numbers)}",
        date=date or datetime.date(2026, 11, 20),
        lead=lead or f"{title}: krótko o tym, co się wydarzyło.",
        body=fields.pop("body", [paragraph("Treść aktualności.")]),
        **fields,
    )
    page.partnership_rows = [
        NewsPartnership(partnership=partnership, locale=index.locale)
        for partnership in partnerships
    ]
    return add_page(index, page)


# Events: the events page under a home page, and events under it.


def events_index(home, title="Wydarzenia", slug="wydarzenia", **fields):
    from events.models import EventIndexPage

    fields.setdefault("show_in_menus", True)
    return add_page(home, EventIndexPage(title=title, slug=slug, **fields))


def event(
    index,
    title=None,
    start=datetime.date(2027, 1, 12),
    times=(datetime.time(18), datetime.time(20)),
    partnerships=(),
    organisers=(),
    **fields,
):
    """A live event on ``start`` at ``times`` (None: all day), belonging to
    ``partnerships``, organised by ``organisers``."""
    from events.models import EventOrganiser, EventPage, EventPartnership

    number = next(_numbers)
    start_time, end_time = times or (None, None)
    fields.setdefault("place_name", "Wypożyczalnia nr 111")
    fields.setdefault("place_address", "ul. Broniewskiego 2")
    page = EventPage(
        title=title or f"Spotkanie {number}",
        slug=fields.pop("slug", f"spotkanie-{number}"),
        start_date=start,
        start_time=start_time,
        end_time=end_time,
        partnerships=[
            EventPartnership(partnership=p, sort_order=order)
            for order, p in enumerate(partnerships)
        ],
        organisers=[
            EventOrganiser(organization=o, sort_order=order)
            for order, o in enumerate(organisers)
        ],
        **fields,
    )
    return add_page(index, page)
