"""The partner directory's filters by sector and by partnership, as plain
links with counts. Pure Python over what the page already loaded: no
database, no request, easy to test."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from .models.choices import Sector


def directory_filters(params, organizations, partnerships, page_url):
    """The directory's filters by sector and by partnership: the chosen
    values, the options with their counts and links, the organisations that
    pass, grouped by sector, and a message for a value that is not valid.

    ``params`` is the query string (``request.GET``); each organisation
    carries ``partnership_slugs``, the partnerships it takes part in."""
    sectors = dict(Sector.choices)
    by_slug = {partnership.slug: partnership for partnership in partnerships}
    messages = []

    sector = params.get("sector", "").strip()
    if sector and sector not in sectors:
        messages.append(_("There is no such sector; showing every sector."))
        sector = ""
    partnership = params.get("partnership", "").strip()
    if partnership and partnership not in by_slug:
        messages.append(_("There is no such partnership; showing every partnership."))
        partnership = ""
    chosen = {"sector": sector, "partnership": partnership}

    def in_sector(organization, value):
        return not value or organization.sector == value

    def in_partnership(organization, value):
        return not value or value in organization.partnership_slugs

    def link(**changes):
        params = {**chosen, **changes}
        query = urlencode({key: value for key, value in params.items() if value})
        return f"{page_url}?{query}" if query else page_url

    sector_options = [
        {
            "value": "",
            "label": _("All sectors"),
            "count": sum(in_partnership(o, partnership) for o in organizations),
            "url": link(sector=""),
            "current": not sector,
        }
    ]
    present = {organization.sector for organization in organizations}
    for value, label in Sector.choices:
        if value not in present:
            continue
        sector_options.append(
            {
                "value": value,
                "label": label,
                "count": sum(
                    o.sector == value and in_partnership(o, partnership)
                    for o in organizations
                ),
                "url": link(sector=value),
                "current": sector == value,
            }
        )
    partnership_options = [
        {
            "value": "",
            "label": _("All organisations"),
            "count": sum(in_sector(o, sector) for o in organizations),
            "url": link(partnership=""),
            "current": not partnership,
        }
    ]
    for page in partnerships:
        partnership_options.append(
            {
                "value": page.slug,
                "label": page.title,
                "count": sum(
                    page.slug in o.partnership_slugs and in_sector(o, sector)
                    for o in organizations
                ),
                "url": link(partnership=page.slug),
                "current": partnership == page.slug,
            }
        )

    shown = [
        o
        for o in organizations
        if in_sector(o, sector) and in_partnership(o, partnership)
    ]
    groups = []
    for value, label in Sector.choices:
        members = [o for o in shown if o.sector == value]
        if members:
            groups.append({"sector": value, "label": label, "organizations": members})
    return {
        "sector_groups": groups,
        "organization_count": len(shown),
        "filter_messages": messages,
        "sector_options": sector_options,
        "partnership_options": partnership_options,
        "chosen_sector": sectors.get(sector, ""),
        "chosen_partnership": by_slug.get(partnership),
        "is_filtered": bool(sector or partnership),
        "clear_filters_url": page_url,
    }
