"""Builds the seeded site: the Polish pages, organisations, footer and settings
choices here, their English in ``english.py``. Creates what is missing, never
changes what exists, so a second run creates nothing and keeps editors' work."""

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
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

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
from .english import load_english

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
