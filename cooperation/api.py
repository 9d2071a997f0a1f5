"""Open data: read-only JSON of the partnerships and partner organisations
(README), one record per object with every language inside it: translated
texts keyed by language code ({"pl": ..., "en": ...}), synchronised data
(dates, streets, websites) once. Each feed costs a fixed number of queries
however much content there is."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from home import open_data

from .models import (
    PartnerDirectoryPage,
    PartnerOrganization,
    PartnershipMembership,
    PartnershipPage,
    Sector,
)


def _json(request, data):
    licence = open_data.licence(request)
    response = JsonResponse(
        {**data, "licence": licence},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    return open_data.published(response, licence)


def _languages():
    """Locale id -> language code, default language first."""
    locales = sorted(
        Locale.objects.all(),
        key=lambda locale: locale.language_code != settings.LANGUAGE_CODE,
    )
    return {locale.pk: locale.language_code for locale in locales}


def _by_translation(objects, languages):
    """Group translations: translation key -> {language: object}, in the
    order the keys first appear."""
    groups = {}
    for obj in objects:
        language = languages.get(obj.locale_id)
        if language:
            groups.setdefault(obj.translation_key, {})[language] = obj
    return groups


def _base(versions, languages):
    """The version synchronised data is read from: the default language's
    when there is one."""
    for language in languages.values():
        if language in versions:
            return versions[language]
    raise LookupError("no version")


def _texts(versions, attribute):
    return {
        language: getattr(obj, attribute)
        for language, obj in versions.items()
        if getattr(obj, attribute)
    }


def _members():
    """Member rows with their organisations, in one query for all pages."""
    return Prefetch(
        "members",
        queryset=PartnershipMembership.objects.select_related("organization"),
    )


def _directory_urls(request, languages):
    pages = PartnerDirectoryPage.pages_by_locale(request)
    return {
        languages[locale_id]: page.get_full_url(request)
        for locale_id, page in pages.items()
        if locale_id in languages
    }


def _organization_names(languages):
    """(translation key, language) -> live organisation, for names of
    members in every language (one query)."""
    return {
        (organization.translation_key, languages[organization.locale_id]): organization
        for organization in PartnerOrganization.objects.filter(live=True)
        if organization.locale_id in languages
    }


def _rows(versions, relation, fields):
    """Inline rows (former names, places) merged across languages by their
    translation key, in the order of the first language that has them."""
    rows = {}
    for language, page in versions.items():
        for row in getattr(page, relation).all():
            rows.setdefault(row.translation_key, {})[language] = row
    return [fields(row_versions) for row_versions in rows.values()]


def _member(member, versions, organizations, directory):
    """One member organisation of a partnership, in every language; None
    while no version of the organisation is published."""
    key = member.organization.translation_key
    names, slug = {}, member.organization.slug
    for language in versions:
        organization = organizations.get((key, language))
        if organization is not None:
            names[language] = organization.name
    if not names:
        return None
    roles = {}
    for language, page in versions.items():
        for row in page.members.all():
            if row.translation_key == member.translation_key and row.role:
                roles[language] = row.role
    return {
        "id": str(key),
        "name": names,
        "initiator": member.is_initiator,
        "role": roles,
        "url": {
            language: f"{url}#org-{slug}"
            for language, url in directory.items()
            if language in names
        },
    }


def partnership_records(request, languages):
    """Every live, public partnership as an open-data record."""
    pages = (
        PartnershipPage.objects.live()
        .public()
        .order_by("founded_year", "founded_month", "path")
        .prefetch_related(_members(), "streets", "places", "former_names")
    )
    organizations = _organization_names(languages)
    directory = _directory_urls(request, languages)
    records = []
    for key, versions in _by_translation(pages, languages).items():
        base = _base(versions, languages)
        members = [
            record
            for member in base.members.all()
            if (record := _member(member, versions, organizations, directory))
        ]
        records.append(
            {
                "id": str(key),
                "slug": base.slug,
                "name": _texts(versions, "title"),
                "url": {
                    language: page.get_full_url(request)
                    for language, page in versions.items()
                },
                "founded": base.founded_iso,
                "founded_year": base.founded_year,
                "founded_month": base.founded_month,
                "former_names": _rows(
                    versions,
                    "former_names",
                    lambda rows: {
                        "name": {lang: row.name for lang, row in rows.items()},
                        "used_until": next(iter(rows.values())).used_until,
                    },
                ),
                "streets": [
                    {
                        "type": street.street_type,
                        "name": street.name,
                        "label": street.display_name.replace("\u00a0", " "),
                    }
                    for street in base.streets.all()
                ],
                "estates": _rows(
                    versions,
                    "places",
                    lambda rows: {
                        "kind": next(iter(rows.values())).kind,
                        "name": {lang: row.name for lang, row in rows.items()},
                    },
                ),
                "organizations": members,
            }
        )
    return records


@require_safe
def partnerships(request):
    languages = _languages()
    records = partnership_records(request, languages)
    return _json(
        request,
        {
            "languages": list(languages.values()),
            "count": len(records),
            "partnerships": records,
        },
    )


def organization_records(request, languages):
    """Every live partner organisation as an open-data record."""
    queryset = PartnerOrganization.objects.filter(live=True).order_by("name", "pk")
    directory = _directory_urls(request, languages)
    pages = (
        PartnershipPage.objects.live()
        .public()
        .filter(locale_id__in=list(languages))
        .prefetch_related(_members())
    )
    partnerships_of = {}
    for page in pages:
        for member in page.members.all():
            entry = {"id": str(page.translation_key), "initiator": member.is_initiator}
            found = partnerships_of.setdefault(member.organization.translation_key, [])
            if entry["id"] not in [item["id"] for item in found]:
                found.append(entry)
    sector_labels = {}
    for language in languages.values():
        with translation.override(language):
            sector_labels[language] = {
                value: str(label) for value, label in Sector.choices
            }
    records = []
    for key, versions in _by_translation(queryset, languages).items():
        base = _base(versions, languages)
        records.append(
            {
                "id": str(key),
                "slug": base.slug,
                "name": _texts(versions, "name"),
                "short_name": _texts(versions, "short_name"),
                "former_name": _texts(versions, "former_name"),
                "description": _texts(versions, "description"),
                "sector": base.sector,
                "sector_label": {
                    language: labels[base.sector]
                    for language, labels in sector_labels.items()
                },
                "website": base.website,
                "address": base.address,
                "url": {
                    language: f"{url}#{base.anchor}"
                    for language, url in directory.items()
                    if language in versions
                },
                "partnerships": partnerships_of.get(key, []),
            }
        )
    return records


@require_safe
def organizations(request):
    languages = _languages()
    records = organization_records(request, languages)
    return _json(
        request,
        {
            "languages": list(languages.values()),
            "count": len(records),
            "organizations": records,
        },
    )
