import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz, readyz
from cooperation import api as open_data
from cooperation import catalog, datasets
from home import views as home_views
from home.robots import robots_txt
from home.sitemaps import TranslatedSitemap
from news import feeds as news_feeds
from participation import views as participation

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Liveness, the proxy's probe; readiness, every dependency, for monitoring.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("documents/", include(wagtaildocs_urls)),
    # Every page in both languages, with hreflang alternates.
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedSitemap}},
        name="sitemap",
    ),
    # Crawlers: the sitemap's address, and what not to crawl.
    path("robots.txt", robots_txt, name="robots_txt"),
    # Open data: read-only JSON, both languages in each record (see README).
    path("api/partnerships.json", open_data.partnerships, name="api_partnerships"),
    path("api/organizations.json", open_data.organizations, name="api_organizations"),
    # The same as CSV, with streets and memberships; the DCAT-AP catalogue.
    path(
        "api/partnerships.csv", datasets.partnerships_csv, name="api_partnerships_csv"
    ),
    path(
        "api/organizations.csv",
        datasets.organizations_csv,
        name="api_organizations_csv",
    ),
    path("api/streets.csv", datasets.streets_csv, name="api_streets_csv"),
    path("api/memberships.csv", datasets.memberships_csv, name="api_memberships_csv"),
    path("api/catalog.rdf", catalog.catalogue, name="api_catalog"),
    # The sign-language recording's video, captions and poster, served from
    # the site's own address.
    path(
        "pjm/<int:pk>/<slug:kind>/",
        home_views.sign_language_file,
        name="sign_language_file",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False):
    # Production with media on local disk and no proxy serving them (README).
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Pages: Polish without a prefix, English under /en/. Search is /szukaj/ in
# Polish and /en/search/ in English (a translated path).
urlpatterns += i18n_patterns(
    path(_("search/"), home_views.search, name="search"),
    # News feeds, all and per partnership, in the address's language.
    path(_("news/rss.xml"), news_feeds.rss, name="news_rss"),
    path(_("news/atom.xml"), news_feeds.atom, name="news_atom"),
    path(
        _("news/<slug:partnership>/rss.xml"),
        news_feeds.rss,
        name="news_rss_partnership",
    ),
    path(
        _("news/<slug:partnership>/atom.xml"),
        news_feeds.atom,
        name="news_atom_partnership",
    ),
    path(_("open-data/"), catalog.open_data_page, name="open_data"),
    # A partnership's join form and its confirmation, by translation key
    # (the same in both languages); never kept in the page cache.
    path(_("join/<uuid:key>/"), participation.join, name="participation_join"),
    path(_("join/<uuid:key>/sent/"), participation.sent, name="participation_sent"),
    # Calendars (.ics): all events, a partnership's, one event's.
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

# For `make bench` and `make lighthouse` only: the hello-world view every
# page is compared with, served through the same middleware but never from
# the page cache (a plain Django view), and the uploaded images (a web server
# or S3 serves them in production).
if os.environ.get("DJANGO_BENCH_HELLO"):
    from django.http import HttpResponse
    from django.views.decorators.cache import never_cache
    from django.views.static import serve as serve_media

    urlpatterns[0:0] = [
        path("bench-hello/", never_cache(lambda request: HttpResponse("Hello, world"))),
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
