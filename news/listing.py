"""The news index's list: filters by partnership and year as plain links
with counts, ten items a page. An unknown filter value shows the whole list
and says so; the queries are the same however many items there are."""

from functools import cached_property

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.http import urlencode
from django.utils.translation import gettext as _

PER_PAGE = 10


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class NewsListing:
    """What the news index shows for one request (see the module)."""

    def __init__(self, index_page, request):
        self.index = index_page
        self.params = request.GET
        self.base_url = index_page.get_url(request)

    @cached_property
    def news(self):
        # One reading of the view restrictions for every query below.
        return self.index.news()

    @cached_property
    def chosen(self):
        """The filters asked for that exist, and a message for each that
        does not."""
        chosen = {"year": None, "partnership": None, "messages": []}
        year = self.params.get("year")
        if year:
            if _int(year) in {option["value"] for option in self._year_counts}:
                chosen["year"] = _int(year)
            else:
                chosen["messages"].append(
                    _("There is no news from the year “%(year)s”; showing all.")
                    % {"year": year[:20]}
                )
        slug = self.params.get("partnership")
        if slug:
            found = self.partnerships_by_slug.get(slug)
            if found is not None:
                chosen["partnership"] = found
            else:
                chosen["messages"].append(
                    _("There is no news of the partnership “%(slug)s”; showing all.")
                    % {"slug": slug[:60]}
                )
        return chosen

    @property
    def chosen_year(self):
        return self.chosen["year"]

    @property
    def chosen_partnership(self):
        return self.chosen["partnership"]

    @property
    def messages(self):
        return self.chosen["messages"]

    @cached_property
    def year_options(self):
        return self._links(self._year_counts, "year")

    @cached_property
    def partnership_options(self):
        return self._links(
            [
                {"value": page.slug, "label": page.title, "count": count}
                for page, count in self._partnership_counts
            ],
            "partnership",
        )

    @cached_property
    def _year_counts(self):
        counts = self.news.order_by().values("date__year").annotate(count=Count("pk"))
        return sorted(
            (
                {
                    "value": row["date__year"],
                    "label": str(row["date__year"]),
                    "count": row["count"],
                }
                for row in counts
            ),
            key=lambda option: -option["value"],
        )

    @cached_property
    def _partnership_counts(self):
        """(partnership page in this language, number of items) pairs."""
        rows = apps.get_model("news", "NewsPartnership").objects.filter(
            page__in=self.news.values("pk")
        )
        counts = {
            row["partnership__translation_key"]: row["count"]
            for row in rows.values("partnership__translation_key").annotate(
                count=Count("page", distinct=True)
            )
        }
        PartnershipPage = apps.get_model("cooperation", "PartnershipPage")
        pages = PartnershipPage.objects.live().filter(
            locale_id=self.index.locale_id, translation_key__in=list(counts)
        )
        return sorted(
            ((page, counts[page.translation_key]) for page in pages),
            key=lambda pair: pair[0].title,
        )

    @cached_property
    def partnerships_by_slug(self):
        return {page.slug: page for page, _count in self._partnership_counts}

    def _links(self, options, name):
        chosen = {
            "year": self.chosen_year,
            "partnership": self.chosen_partnership and self.chosen_partnership.slug,
        }
        for option in options:
            query = {**chosen, name: option["value"]}
            option["url"] = self.url(query)
            option["current"] = chosen[name] == option["value"]
        return options

    def url(self, query):
        query = {key: value for key, value in query.items() if value}
        return f"{self.base_url}?{urlencode(query)}" if query else self.base_url

    @property
    def is_filtered(self):
        return bool(self.chosen_year or self.chosen_partnership)

    @property
    def clear_filters_url(self):
        return self.base_url

    @cached_property
    def page(self):
        news = self.news
        if self.chosen_year:
            news = news.filter(date__year=self.chosen_year)
        if self.chosen_partnership:
            news = news.filter(
                partnership_rows__partnership__translation_key=(
                    self.chosen_partnership.translation_key
                )
            ).distinct()
        news = news.prefetch_related("partnership_rows__partnership")
        paginator = Paginator(news, PER_PAGE)
        page = paginator.get_page(self.params.get("page"))
        page.object_list = list(page.object_list)
        # Each item's partnerships in this language, from the filter's pages.
        by_key = {p.translation_key: p for p, _count in self._partnership_counts}
        for item in page.object_list:
            item.concerns = [
                by_key[row.partnership.translation_key]
                for row in item.partnership_rows.all()
                if row.partnership.translation_key in by_key
            ]
        return page

    def page_url(self, number):
        return self.url(
            {
                "year": self.chosen_year,
                "partnership": self.chosen_partnership and self.chosen_partnership.slug,
                "page": number if number > 1 else None,
            }
        )

    @property
    def previous_url(self):
        page = self.page
        return self.page_url(page.previous_page_number()) if page.has_previous() else ""

    @property
    def next_url(self):
        page = self.page
        return self.page_url(page.next_page_number()) if page.has_next() else ""
