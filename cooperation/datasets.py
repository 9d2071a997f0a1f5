"""The open datasets as files: CSV next to each JSON feed (UTF-8, a header
row, one row per partnership, organisation, membership or street), the list
of datasets the "Open data" page shows, and their DCAT-AP catalogue
(catalog.py). Column names are stable; the page documents them."""

import csv
import io

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from home import open_data

from .api import _languages, organization_records, partnership_records
from .models import PartnerOrganization, PartnershipPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def per_language(name, values):
    """``name_pl``, ``name_en``… columns from a {"pl": …, "en": …} value."""
    return {f"{name}_{code}": (values or {}).get(code, "") for code in LANGUAGE_CODES}


def partnership_rows(records):
    for record in records:
        yield {
            "id": record["id"],
            "slug": record["slug"],
            **per_language("name", record["name"]),
            **per_language("url", record["url"]),
            "founded": record["founded"],
            "founded_year": record["founded_year"],
            "founded_month": record["founded_month"] or "",
            "streets": "; ".join(street["label"] for street in record["streets"]),
            **per_language(
                "estates",
                {
                    code: "; ".join(
                        e["name"][code] for e in record["estates"] if code in e["name"]
                    )
                    for code in LANGUAGE_CODES
                },
            ),
            "organization_ids": "; ".join(o["id"] for o in record["organizations"]),
        }


def street_rows(records):
    for record in records:
        for position, street in enumerate(record["streets"], start=1):
            yield {
                "partnership_id": record["id"],
                "partnership_slug": record["slug"],
                **per_language("partnership_name", record["name"]),
                "position": position,
                "type": street["type"],
                "name": street["name"],
                "label": street["label"],
            }


def membership_rows(records):
    """Popolo's memberships: an organisation in a partnership, with its role."""
    for record in records:
        for member in record["organizations"]:
            yield {
                "organization_id": member["id"],
                **per_language("organization_name", member["name"]),
                "partnership_id": record["id"],
                **per_language("partnership_name", record["name"]),
                "initiator": "true" if member["initiator"] else "false",
                **per_language("role", member["role"]),
            }


def organization_rows(records):
    for record in records:
        yield {
            "id": record["id"],
            "slug": record["slug"],
            **per_language("name", record["name"]),
            **per_language("short_name", record["short_name"]),
            "sector": record["sector"],
            "website": record["website"],
            "address": record["address"],
            **per_language("url", record["url"]),
            "partnership_ids": "; ".join(p["id"] for p in record["partnerships"]),
        }


def csv_response(request, filename, rows, columns):
    licence = open_data.licence(request)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*columns, "licence"])
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "licence": licence["url"]})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return open_data.published(response, licence)


@require_safe
def partnerships_csv(request):
    records = partnership_records(request, _languages())
    return csv_response(
        request, "partnerships.csv", partnership_rows(records), PARTNERSHIP_COLUMNS
    )


@require_safe
def streets_csv(request):
    records = partnership_records(request, _languages())
    return csv_response(request, "streets.csv", street_rows(records), STREET_COLUMNS)


@require_safe
def memberships_csv(request):
    records = partnership_records(request, _languages())
    return csv_response(
        request, "memberships.csv", membership_rows(records), MEMBERSHIP_COLUMNS
    )


@require_safe
def organizations_csv(request):
    records = organization_records(request, _languages())
    return csv_response(
        request,
        "organizations.csv",
        organization_rows(records),
        ORGANIZATION_COLUMNS,
    )


def _names(prefix):
    return [f"{prefix}_{code}" for code in LANGUAGE_CODES]


PARTNERSHIP_COLUMNS = [
    "id",
    "slug",
    *_names("name"),
    *_names("url"),
    "founded",
    "founded_year",
    "founded_month",
    "streets",
    *_names("estates"),
    "organization_ids",
]
STREET_COLUMNS = [
    "partnership_id",
    "partnership_slug",
    *_names("partnership_name"),
    "position",
    "type",
    "name",
    "label",
]
MEMBERSHIP_COLUMNS = [
    "organization_id",
    *_names("organization_name"),
    "partnership_id",
    *_names("partnership_name"),
    "initiator",
    *_names("role"),
]
ORGANIZATION_COLUMNS = [
    "id",
    "slug",
    *_names("name"),
    *_names("short_name"),
    "sector",
    "website",
    "address",
    *_names("url"),
    "partnership_ids",
]


def _partnerships_modified():
    return PartnershipPage.objects.live().aggregate(at=Max("last_published_at"))["at"]


def _organizations_modified():
    return PartnerOrganization.objects.filter(live=True).aggregate(
        at=Max("last_published_at")
    )["at"]


def datasets():
    """Each dataset: its key, title, description, files (format, URL name),
    the columns of its CSV and when its content last changed."""
    return [
        {
            "key": "partnerships",
            "title": _("Local partnerships in Żoliborz"),
            "description": _(
                "Every local partnership: names in each language, founding "
                "date, the streets that bound its area, estates and member "
                "organisations."
            ),
            "files": [("JSON", "api_partnerships"), ("CSV", "api_partnerships_csv")],
            "columns": PARTNERSHIP_COLUMNS,
            "modified": _partnerships_modified,
        },
        {
            "key": "streets",
            "title": _("Streets bounding the partnerships' areas"),
            "description": _(
                "One row per street and partnership, in order around the area."
            ),
            "files": [("CSV", "api_streets_csv")],
            "columns": STREET_COLUMNS,
            "modified": _partnerships_modified,
        },
        {
            "key": "memberships",
            "title": _("Memberships of organisations in partnerships"),
            "description": _(
                "Which organisation belongs to which partnership, whether it "
                "initiated it and its role (Popolo's membership)."
            ),
            "files": [("CSV", "api_memberships_csv")],
            "columns": MEMBERSHIP_COLUMNS,
            "modified": _partnerships_modified,
        },
        {
            "key": "organizations",
            "title": _("Partner organisations of the library"),
            "description": _(
                "Organisations the library works with: names, sector, website, "
                "address and the partnerships they belong to."
            ),
            "files": [
                ("JSON", "api_organizations"),
                ("CSV", "api_organizations_csv"),
            ],
            "columns": ORGANIZATION_COLUMNS,
            "modified": _organizations_modified,
        },
    ]


def described(request):
    """``datasets()`` with absolute file addresses and the modified date read."""
    found = []
    for dataset in datasets():
        found.append(
            {
                **dataset,
                "modified": dataset["modified"](),
                "files": [
                    {
                        "format": fmt,
                        "url": request.build_absolute_uri(reverse(name)),
                        "media_type": MEDIA_TYPES[fmt],
                    }
                    for fmt, name in dataset["files"]
                ],
            }
        )
    return found


MEDIA_TYPES = {"JSON": "application/json", "CSV": "text/csv"}
