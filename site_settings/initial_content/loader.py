"""Builds the seeded site. Creates what is missing, never changes what exists,
so running it twice creates nothing new and keeps every editor's change."""

import datetime
import io
import json
import logging
import textwrap
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
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
from cooperation.roles import ensure_roles
from home.models import (
    AccessibilityStatementPage,
    EasyReadPage,
    HomePage,
    SignLanguagePage,
    StandardPage,
)
from site_settings.models import FooterText, SiteSettings

from . import seed

logger = logging.getLogger(__name__)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
PLACEHOLDER_TITLE = "Logo zastępcze: {name}"


class Report:
    """Counts what a run created, for the command's output and the tests."""

    def __init__(self):
        self.created = []
        self.missing = []
        self.skipped = []

    def add(self, kind, label):
        self.created.append((kind, str(label)))
        logger.info("created %s: %s", kind, label)


def stream(blocks):
    return json.dumps(blocks)


def _font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def placeholder_logo_file(name):
    """A clearly labelled placeholder PNG: the seed has no partnership logos."""
    image = PILImage.new("RGB", (480, 320), "#e8f3ef")
    draw = ImageDraw.Draw(image)
    draw.rectangle([6, 6, 473, 313], outline="#0b5d4b", width=6)
    draw.text((240, 60), "LOGO ZASTĘPCZE", fill="#0b5d4b", font=_font(30), anchor="mm")
    lines = textwrap.wrap(name, width=22)
    for index, line in enumerate(lines[:4]):
        draw.text(
            (240, 140 + index * 42), line, fill="#1b1f23", font=_font(30), anchor="mm"
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer


def get_or_create_placeholder_logo(name, slug, report):
    image_model = get_image_model()
    title = PLACEHOLDER_TITLE.format(name=name)
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = placeholder_logo_file(name)
    image = image_model(title=title)
    image.file = ImageFile(buffer, name=f"logo-zastepcze-{slug}.png")
    image.save()
    report.add("image", title)
    return image


def publish(page):
    page.save_revision().publish()


def ensure_home(locale, report):
    """The Polish home page as the root of the default site. Wagtail's own
    "Welcome to your new Wagtail site!" page (a bare Page with no children)
    is removed first; nothing else ever is."""
    content = seed.polish()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        for welcome in root.get_children().filter(slug=content.home["slug"]):
            if type(welcome.specific) is Page and not welcome.get_children().exists():
                welcome.delete()
        home = HomePage(
            title=content.home["title"],
            slug=content.home["slug"],
            intro=content.home["intro"],
            body=stream(content.home["body"]),
            locale=locale,
        )
        root.add_child(instance=home)
        publish(home)
        report.add("page", home.title)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.library_name,
        )
        report.add("site", site.hostname)
    elif site.root_page_id != home.pk and type(site.root_page.specific) is Page:
        site.root_page = home
        site.save()
    return home, site


def ensure_organizations(locale, report):
    organizations = {}
    for data in seed.polish().organizations:
        organization = PartnerOrganization.objects.filter(
            slug=data["slug"], locale=locale
        ).first()
        if organization is None:
            organization = PartnerOrganization(locale=locale, live=True, **data)
            organization.save()
            # Published, so the admin lists it as live, not "live + draft".
            organization.save_revision().publish()
            report.add("organisation", organization.name)
        organizations[data["slug"]] = organization
    return organizations


def ensure_child(parent, model, data, report, **fields):
    existing = parent.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    page = model(
        title=data["title"],
        slug=data["slug"],
        search_description=data.get("search_description", ""),
        show_in_menus=data.get("show_in_menus", False),
        locale=parent.locale,
        **fields,
    )
    parent.add_child(instance=page)
    publish(page)
    report.add("page", page.title)
    return page


def ensure_partnership(index_page, data, organizations, report):
    existing = index_page.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    name = data["title"]
    page = PartnershipPage(
        title=name,
        slug=data["slug"],
        locale=index_page.locale,
        founded_year=data["founded_year"],
        founded_month=data["founded_month"],
        logo=get_or_create_placeholder_logo(name, data["slug"], report),
        logo_alt=data["logo_alt"],
        body=stream(data["body"]),
        # Each row gets its place in the list: rows saved without a sort_order
        # (null) come back from PostgreSQL in no particular order.
        former_names=[
            PartnershipFormerName(
                sort_order=order, name=row["name"], used_until=row["used_until"]
            )
            for order, row in enumerate(data["former_names"])
        ],
        places=[
            PartnershipPlace(sort_order=order, kind=row["kind"], name=row["name"])
            for order, row in enumerate(data["places"])
        ],
        streets=[
            PartnershipStreet(
                sort_order=order, street_type=row["type"], name=row["name"]
            )
            for order, row in enumerate(data["streets"])
        ],
        members=[
            PartnershipMembership(
                sort_order=order,
                organization=organizations[row["organization"]],
                is_initiator=row["initiator"],
                role=row["role"],
            )
            for order, row in enumerate(data["members"])
        ],
    )
    index_page.add_child(instance=page)
    publish(page)
    report.add("page", page.title)
    return page


def ensure_footer(locale, report):
    if not FooterText.objects.filter(locale=locale).exists():
        FooterText.objects.create(locale=locale, **seed.polish().footer)
        report.add("footer text", locale.language_code)


@transaction.atomic
def load_polish():
    report = Report()
    content = seed.polish()
    locale = Locale.get_default()
    home, _site = ensure_home(locale, report)
    organizations = ensure_organizations(locale, report)
    ensure_footer(locale, report)
    cooperation = ensure_child(
        home,
        CooperationPage,
        content.cooperation,
        report,
        body=stream(content.cooperation["body"]),
    )
    index = content.partnership_index
    index_page = ensure_child(
        cooperation,
        PartnershipIndexPage,
        index,
        report,
        intro=stream(index["intro"]),
        coordinator=organizations[index["coordinator"]],
        library_joined_year=index["library_joined_year"],
    )
    for data in content.partnerships:
        ensure_partnership(index_page, data, organizations, report)
    ensure_child(
        cooperation,
        PartnerDirectoryPage,
        content.directory,
        report,
        intro=stream(content.directory["intro"]),
    )
    # The librarians' groups get their page permissions and the moderation
    # workflow now that the cooperation section exists.
    ensure_roles()
    return report


@transaction.atomic
def load_accessibility_and_privacy():
    """The accessibility statement and the privacy notice under the Polish
    home page. The statement's dates start as the day the site is set up."""
    report = Report()
    home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    if home is None:
        return report
    content = seed.polish()
    today = datetime.date.today()
    data = content.statement
    fields = {
        key: value
        for key, value in data.items()
        if key not in {"slug", "title", "search_description"}
    }
    fields["inaccessible_content"] = stream(fields["inaccessible_content"])
    ensure_child(
        home,
        AccessibilityStatementPage,
        data,
        report,
        publication_date=today,
        last_update_date=today,
        prepared_date=today,
        **fields,
    )
    privacy = ensure_child(
        home,
        StandardPage,
        content.privacy,
        report,
        intro=content.privacy["intro"],
        body=stream(content.privacy["body"]),
    )
    # The footer links the page chosen in the settings; choose the seeded one
    # only if nobody has chosen any.
    for site in Site.objects.filter(root_page=home):
        settings = SiteSettings.for_site(site)
        if settings.privacy_page_id is None:
            settings.privacy_page = privacy
            settings.save()
    return report


@transaction.atomic
def load_easy_access():
    """The easy-to-read page (ETR) and the Polish Sign Language page (PJM)
    under the Polish home page, chosen in the settings for every header and
    footer unless an editor has chosen others. The PJM page starts without a
    recording."""
    report = Report()
    home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    if home is None:
        return report
    content = seed.polish()
    easy_read = ensure_child(
        home,
        EasyReadPage,
        content.easy_read,
        report,
        body=stream(content.easy_read["body"]),
    )
    sign_language = ensure_child(
        home,
        SignLanguagePage,
        content.sign_language,
        report,
        intro=content.sign_language["intro"],
        transcript=content.sign_language["transcript"],
    )
    for site in Site.objects.filter(root_page=home):
        settings = SiteSettings.for_site(site)
        if settings.easy_read_page_id is None:
            settings.easy_read_page = easy_read
        if settings.sign_language_page_id is None:
            settings.sign_language_page = sign_language
        settings.save()
    return report


class MissingEnglish(Exception):
    """A seeded Polish string has no English in `en.po` (``seed.english()``)."""

    def __init__(self, instance, strings):
        self.instance = instance
        self.strings = strings
        super().__init__(
            f"No English for {len(strings)} string(s) of {instance!r}: {strings!r}"
        )


def untranslated_strings(source, translations=None):
    """The Polish strings of ``source`` that ``translations`` (by default the
    English of `en.po`) has no English for, in the order they appear."""
    translations = seed.english() if translations is None else translations
    strings = StringSegment.objects.filter(source=source).order_by("order")
    return [
        segment.string.data
        for segment in strings.select_related("string")
        if segment.string.data not in translations
    ]


def translate_into_english(instance, locale, report):
    """Create the English version of ``instance`` through wagtail-localize:
    a translation source, a Translation into English and a string translation
    for every segment, then the translated object, published.

    An object that already has an English version is left alone. One whose
    Polish has a string with no English (an editor changed the Polish before
    the English was made) is skipped and reported, for a librarian to
    translate in the editor."""
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    missing = untranslated_strings(source)
    if missing:
        error = MissingEnglish(instance, missing)
        logger.warning("%s", error)
        report.missing.append(error)
        report.skipped.append(str(instance))
        return None
    # Re-enabled if an earlier English version was deleted (which disables it).
    Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": seed.english()[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    # Translation.save_target() would publish in transaction.on_commit, after
    # the loader's transaction; a draft published here is live at once (also
    # inside tests), and fallback=False refuses to fill gaps with Polish.
    is_draftable = isinstance(instance, (Page, DraftStateMixin))
    target, _created = source.create_or_update_translation(
        locale, publish=not is_draftable, fallback=False
    )
    if is_draftable:
        target.refresh_from_db()
        target.get_latest_revision().publish()
    report.add(f"English {type(instance)._meta.verbose_name}", target)
    return target


def english_locale():
    locale, _created = Locale.objects.get_or_create(language_code="en")
    return locale


def seeded_page_slugs():
    return {page["slug"] for page in seed.polish().pages}


@transaction.atomic
def load_english(report=None):
    """English translations of the seeded pages and snippets that have none.

    Only what the loader itself seeds: a page or organisation a librarian
    added is theirs to translate (and review) in the admin."""
    report = report or Report()
    locale = english_locale()
    polish_locale = Locale.get_default()
    organization_slugs = [data["slug"] for data in seed.polish().organizations]
    snippets = [
        *PartnerOrganization.objects.filter(
            locale=polish_locale, slug__in=organization_slugs
        ).order_by("pk"),
        *FooterText.objects.filter(locale=polish_locale).order_by("pk"),
    ]
    for snippet in snippets:
        translate_into_english(snippet, locale, report)
    home = HomePage.objects.filter(locale=polish_locale, depth=2).first()
    if home is None:
        return report
    slugs = seeded_page_slugs()
    created = []
    # Tree order: a parent always has its English version before its children.
    pages = home.get_descendants(inclusive=True).order_by("path").specific()
    for page in pages:
        if page.slug not in slugs:
            continue
        if page.depth > 2 and page.get_parent().get_translation_or_none(locale) is None:
            report.skipped.append(f"{page} (its parent has no English version)")
            continue
        english_page = translate_into_english(page, locale, report)
        if english_page is not None:
            created.append(english_page.pk)
    # wagtail-localize copies a page with its Polish slug, then gives it the
    # English one; Wagtail records each rename (on commit) as an automatic
    # redirect from an address that was never public. Drop those once made,
    # not to clutter the librarians' list of redirects.
    transaction.on_commit(
        lambda: Redirect.objects.filter(
            automatically_created=True, redirect_page_id__in=created
        ).delete()
    )
    return report


def load(english=True):
    """Everything the site starts with: the Polish site, its accessibility
    statement and privacy notice, then (unless ``english=False``) the English
    translation."""
    report = load_polish()
    report.created += load_accessibility_and_privacy().created
    report.created += load_easy_access().created
    if english:
        load_english(report)
    return report
