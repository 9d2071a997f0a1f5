"""Error pages that render in the visitor's language with the site's layout,
and the site search results page."""

import logging
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation

from . import search as site_search
from .i18n import current_language
from .not_found import not_found_suggestions
from .security import is_unstorable_path
from .text import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# The results page is /szukaj/ in Polish and /en/search/ in English.
SEARCH_URL_NAMES = {"pl": "search", "en": "search_en"}


def search_url():
    """ "/szukaj/" in Polish, "/en/search/" in English."""
    return reverse(SEARCH_URL_NAMES.get(current_language(), "search"))


def page_not_found(request, exception=None):
    try:
        # An address with NUL or undecodable bytes matches no page; the
        # database is not asked (PostgreSQL refuses NUL in a string).
        help_links = (
            {} if is_unstorable_path(request.path) else not_found_suggestions(request)
        )
    except Exception:  # A 404 page must never turn into a 500.
        logger.exception("Could not suggest pages for %s", request.path)
        help_links = {}
    home_url = reverse("wagtail_serve", args=[""])  # "/" or "/en/"
    return render(request, "404.html", {**help_links, "home_url": home_url}, status=404)


def server_error(request):
    # Keep the 500 page free of database work: the database may be the problem.
    translation.activate(current_language())
    return render(request, "500.html", status=500)


def search(request):
    """The site search results page, in the visitor's language."""
    canonical = search_url()
    if request.path != canonical:
        query = request.GET.urlencode()
        return redirect(f"{canonical}?{query}" if query else canonical)

    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)[: site_search.MAX_QUERY_LENGTH]
    terms = site_search.query_terms(query)
    results = site_search.search(request, query) if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_number = request.GET.get("page", "1")
    results_page = paginator.get_page(page_number[:6])
    base_params = urlencode({"query": query})
    return render(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "search_terms": terms,
            "query_shortened": len(raw_query.strip()) > site_search.MAX_QUERY_LENGTH,
            "results": results_page,
            "result_count": paginator.count,
            "page_link_prefix": f"{canonical}?{base_params}&page=",
        },
    )
