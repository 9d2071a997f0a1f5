"""What the cooperation section adds to site search (``home.search``): a
partnership's streets, estates, former names and member organisations as
key words, and the partner organisations as results of their own, linked to
their entry in the directory. Registered from ``CooperationConfig.ready()``."""

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


def describe_partnerships(request, pages):
    """Details and key words of each partnership page (four queries)."""
    ids = [page.pk for page in pages]
    rows = {pk: {"streets": [], "places": [], "former": [], "orgs": []} for pk in ids}
    for street in PartnershipStreet.objects.filter(page_id__in=ids):
        rows[street.page_id]["streets"].append(street.display_name)
    for place in PartnershipPlace.objects.filter(page_id__in=ids):
        rows[place.page_id]["places"].append(place.name)
    for former in PartnershipFormerName.objects.filter(page_id__in=ids):
        rows[former.page_id]["former"].append(former.name)
    memberships = PartnershipMembership.objects.filter(page_id__in=ids)
    for membership in memberships.select_related("organization"):
        organization = membership.organization
        rows[membership.page_id]["orgs"].extend(
            [organization.name, organization.short_name, organization.former_name]
        )
    return {
        pk: site_search.PageDetails(
            kind_label=PARTNERSHIP_LABEL,
            details=[
                (_("Area"), ", ".join(row["places"])),
                (_("Streets"), " – ".join(row["streets"])),
            ],
            key_texts=[*row["streets"], *row["places"], *row["former"], *row["orgs"]],
        )
        for pk, row in rows.items()
    }


def organization_documents(request, locale):
    """The live partner organisations of ``locale`` (two queries)."""
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
