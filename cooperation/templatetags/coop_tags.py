"""Template helpers for the cooperation section."""

from django import template

from ..models.pages import MonthChoices, PartnerDirectoryPage

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
    """The organisation's entry on the "Who we work with" page of its language.

    The directory page is looked up once per request and locale."""
    if organization is None or not organization.slug:
        return ""
    request = context.get("request")
    cache = getattr(request, "_directory_pages", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._directory_pages = cache
    if organization.locale_id not in cache:
        cache[organization.locale_id] = (
            PartnerDirectoryPage.objects.live()
            .public()
            .filter(locale_id=organization.locale_id)
            .first()
        )
    directory = cache[organization.locale_id]
    if directory is None:
        return ""
    return f"{directory.get_url(request)}#{organization.anchor}"
