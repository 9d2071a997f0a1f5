"""What the cooperation section adds to site search (``home.search``): a
partnership's streets, estates, former names and member organisations as
key words, and the partner organisations as results of their own, linked to
their entry in the directory. Registered from ``CooperationConfig.ready()``.

Both cost one query whatever the number of partnerships and organisations:
the partnerships' rows are one UNION of the four row tables (members with
their organisation's names joined), as ``models/loading.py`` reads a list's
rows; the directory's address comes from the request's chrome."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from home import search as site_search

from .models import (
    PartnerDirectoryPage,
    PartnerOrganization,
    PartnershipFormerName,
    PartnershipMembership,
    PartnershipPage,
    PartnershipPlace,
    PartnershipStreet,
)

PARTNERSHIP_LABEL = _("Local partnership")
ORGANIZATION_LABEL = _("Partner organisation")

# relation, model, and the fields read as (kind, name, short name, former name)
ROWS = (
    ("streets", PartnershipStreet, ("street_type", "name", None, None)),
    ("places", PartnershipPlace, (None, "name", None, None)),
    ("former", PartnershipFormerName, (None, "name", None, None)),
    (
        "orgs",
        PartnershipMembership,
        (
            None,
            "organization__name",
            "organization__short_name",
            "organization__former_name",
        ),
    ),
)
TEXTS = ("kind", "name", "short_name", "former_name")


def _branch(relation, model, fields, ids):
    # Every column an annotation of the same type in every branch, so the
    # UNION's columns line up on SQLite and PostgreSQL (see loading.py).
    texts = {
        f"search_{name}": Cast(Value("") if lookup is None else F(lookup), CharField())
        for name, lookup in zip(TEXTS, fields, strict=True)
    }
    return (
        model.objects.filter(page_id__in=ids)
        .annotate(search_relation=Value(relation, output_field=CharField()), **texts)
        .values_list("search_relation", "page_id", "sort_order", "pk", *texts)
        .order_by()
    )


def partnership_rows(ids):
    """Page id -> relation -> its rows as (kind, name, short name, former
    name), in their sort order; one query."""
    rows = {pk: {relation: [] for relation, *_rest in ROWS} for pk in ids}
    if not ids:
        return rows

    def build(**pages):
        ids = list(pages.values())
        branches = [
            _branch(relation, model, fields, ids) for relation, model, fields in ROWS
        ]
        return branches[0].union(*branches[1:], all=True)

    # Compiled once per number of pages (home.chrome.run_prepared).
    found = list(build(**{f"page_{number}": pk for number, pk in enumerate(ids)}))
    ordered = sorted(found, key=lambda row: (row[2] is None, row[2] or 0, row[3]))
    for relation, page_id, _order, _pk, *texts in ordered:
        rows[page_id][relation].append(texts)
    return rows


def describe_partnerships(request, pages):
    """Details and key words of each partnership page (one query)."""
    details = {}
    for pk, row in partnership_rows([page.pk for page in pages]).items():
        streets = [
            PartnershipStreet(street_type=kind, name=name).display_name
            for kind, name, _short, _former in row["streets"]
        ]
        places = [name for _kind, name, _short, _former in row["places"]]
        former = [name for _kind, name, _short, _former in row["former"]]
        orgs = [text for _kind, *names in row["orgs"] for text in names]
        details[pk] = site_search.PageDetails(
            kind_label=PARTNERSHIP_LABEL,
            details=[
                (_("Area"), ", ".join(places)),
                (_("Streets"), " – ".join(streets)),
            ],
            key_texts=[*streets, *places, *former, *orgs],
        )
    return details


def organization_documents(request, locale):
    """The live partner organisations of ``locale`` (one query; the
    directory's address is read with the request's chrome)."""
    directory_url = PartnerDirectoryPage.url_for_locale(locale.pk, request)
    documents = []
    for organization in PartnerOrganization.objects.filter(locale=locale, live=True):
        document = site_search.Document(
            kind_label=ORGANIZATION_LABEL,
            title=organization.display_name,
            url=f"{directory_url}#{organization.anchor}" if directory_url else "",
            summary=organization.description,
        )
        document.add_title(organization.name, organization.short_name)
        document.add_key(organization.former_name, organization.address)
        document.add_text(organization.description)
        documents.append(document)
    return documents


def register():
    site_search.register_page_type(PartnershipPage, describe_partnerships)
    site_search.register_source(organization_documents)
