"""Error pages that render in the visitor's language with the site's layout,
and the site search results page."""

import logging
import mimetypes
import re
import sys
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path

from . import search as site_search
from .i18n import current_language
from .models import SignLanguageRecording
from .not_found import not_found_suggestions
from .security import is_unstorable_path
from .text import MAX_QUERY_LENGTH, clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


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


def bad_request(request, exception=None):
    """400: a form too large to read (or with too many fields) says so and
    how to keep what was typed; anything else gets a plain explanation. No
    database work: nothing of the request can be trusted."""
    translation.activate(
        get_language_from_path(request.path_info) or current_language()
    )
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    admin_prefix = settings.ADMIN_CSP_PREFIX
    in_admin = request.path.startswith(admin_prefix)
    context = {
        "too_large": too_large,
        "limit_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024),
        "back_url": admin_prefix if in_admin else reverse("wagtail_serve", args=[""]),
        "in_admin": in_admin,
    }
    return render(request, "400.html", context, status=400)


# A database that cannot be reached (restarting, failing over, refusing
# connections) is a temporary break: 503 with Retry-After, not a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    # Keep the 500 page free of database work: the database may be the problem.
    # The language from the address: the error may come before LocaleMiddleware.
    translation.activate(
        get_language_from_path(request.path_info) or current_language()
    )
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)


def search(request):
    """The site search results page, in the visitor's language."""
    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)
    terms = site_search.query_terms(query)
    results = site_search.search(request, terms) if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page", "1")[:6])
    site_search.add_details(results_page)
    query_string = urlencode({"query": query})
    return render(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "search_terms": terms,
            "query_shortened": len(raw_query.strip()) > MAX_QUERY_LENGTH,
            "results": results_page,
            "result_count": paginator.count,
            "page_link_prefix": f"{reverse('search')}?{query_string}&page=",
        },
    )


# The sign-language recording's files, served by the site itself at the
# site's own address whatever storage holds them (no request to another
# host), with byte ranges so that a viewer can seek in the video.
RECORDING_KINDS = {"video", "captions", "poster"}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def sign_language_file(request, pk, kind):
    recording = get_object_or_404(SignLanguageRecording, pk=pk)
    if kind not in RECORDING_KINDS:
        raise Http404
    if kind == "poster":
        if recording.poster is None:
            raise Http404
        field, content_type = recording.poster.file, None
    elif kind == "video":
        field, content_type = recording.video, recording.video_type
    else:
        field, content_type = recording.captions, "text/vtt; charset=utf-8"
    if not field or not field.storage.exists(field.name):
        raise Http404
    if content_type is None:
        content_type = mimetypes.guess_type(field.name)[0] or "application/octet-stream"
    size = field.size
    match = _RANGE.match(request.headers.get("Range", ""))
    if match and (match[1] or match[2]):
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:  # the last N bytes
            start, end = max(size - int(match[2]), 0), size - 1
        if start > end or start >= size:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        with field.open("rb") as file:
            file.seek(start)
            data = file.read(end - start + 1)
        response = HttpResponse(data, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = FileResponse(field.open("rb"), content_type=content_type)
        response["Content-Length"] = size
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "public, max-age=3600"
    return response
