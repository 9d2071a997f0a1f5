"""The sitemap: every live page in every language, each with its versions in
the other languages as hreflang alternates.

Wagtail's own sitemap lists only the pages under the site's root page, which
is the Polish home page; English pages live under its translation."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in homes:
            pages |= home.get_descendants(inclusive=True)
        return (
            pages.live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        default_code = Locale.get_default().language_code
        # Every version of the listed pages, so each URL names all its languages.
        versions = defaultdict(list)
        for version in (
            Page.objects.filter(translation_key__in={p.translation_key for p in pages})
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        ):
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
