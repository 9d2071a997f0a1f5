"""/robots.txt: where the sitemap is (at the Site record's address, as every
absolute URL), and what crawlers should leave alone: the admin, and the
search results, which are the site's own pages again in another order."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Site

ALWAYS_DISALLOWED = ["/admin/"]


@require_safe
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    searches = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            searches.append(reverse("search"))  # /szukaj/, /en/search/
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in [*ALWAYS_DISALLOWED, *searches]]
    with translation.override(None):
        sitemap = reverse("sitemap")
    lines += ["", f"Sitemap: {root}{sitemap}"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
    response["Cache-Control"] = "public, max-age=3600"
    return response
