"""The sitemap: every live page in every language, each with its versions in
the other languages as hreflang alternates.

Wagtail's own sitemap lists only the pages under the site's root page, which
is the Polish home page; English pages live under its translation."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .i18n import default_language


class TranslatedSitemap(Sitemap):
    def items(self):
        # Django's paginator property asks again each time it is read (once
        # for the page, once here for the alternates); the view makes one
        # instance per request.
        if not hasattr(self, "pages"):
            self.pages = self.live_pages()
        return self.pages

    def live_pages(self):
        """Every live, public page under the site's home page in any language."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_homes = Q()
        for home in homes:
            under_homes |= Q(path__startswith=home.path)
        if not under_homes:
            return []
        pages = (
            Page.objects.filter(under_homes)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
        )
        # A list, so the paginator counts it without a query of its own.
        return list(pages)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page's address, last change and versions in the other
        languages; addresses come from the Site record, as Wagtail's do."""
        pages = list(self.paginator.page(page).object_list)
        default_code = default_language()
        # Every version of the listed pages (all live, public pages of every
        # language are listed), so each URL names all its languages.
        versions = defaultdict(list)
        for version in sorted(self.items(), key=lambda p: p.locale.language_code):
            url = version.get_full_url(self.request)
            if url:
                versions[version.translation_key].append(
                    (version.locale.language_code, url)
                )
        urls = []
        last_mods = set()
        for item in pages:
            lastmod = item.last_published_at or item.latest_revision_created_at
            url_info = {"location": item.get_full_url(self.request), "lastmod": lastmod}
            alternates = versions[item.translation_key]
            if len(alternates) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": url} for code, url in alternates
                ] + [
                    {"lang_code": "x-default", "location": url}
                    for code, url in alternates
                    if code == default_code
                ]
            urls.append(url_info)
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
