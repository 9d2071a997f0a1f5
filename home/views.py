"""Error pages that render in the visitor's language with the site's layout."""

from django.shortcuts import render
from django.utils import translation


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Keep the 500 page free of database work: the database may be the problem.
    translation.activate(translation.get_language() or "pl")
    return render(request, "500.html", status=500)
