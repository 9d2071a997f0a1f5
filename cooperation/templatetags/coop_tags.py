"""Template helpers for the cooperation section."""

from django import template

from ..models import MonthChoices, PartnerDirectoryPage

register = template.Library()


@register.simple_tag
def month_year(year, month=None):
    """ "maj 2013" in Polish, "May 2013" in English; just the year without a month."""
    if not year:
        return ""
    if month:
        return f"{MonthChoices(month).label} {year}"
    return str(year)


@register.simple_tag(takes_context=True)
def directory_link(context, organization):
    """The organisation's entry on the "Who we work with" page of its language."""
    if organization is None or not organization.slug:
        return ""
    url = PartnerDirectoryPage.url_for_locale(
        organization.locale_id, context.get("request")
    )
    return f"{url}#{organization.anchor}" if url else ""
