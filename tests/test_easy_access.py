"""What the accessibility act asks beyond WCAG. The easy-to-read
page (ETR), the Polish Sign Language page (PJM), the machine-readable file,
and their links in every header and footer, in both languages, on the
library's real seeded content."""

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import EasyReadPage, SignLanguagePage
from home.text import plain_text, readability
from site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db

ETR_PATHS = {"pl": "/tekst-latwy-do-czytania/", "en": "/en/easy-read/"}
PJM_PATHS = {"pl": "/polski-jezyk-migowy/", "en": "/en/polish-sign-language/"}
OTHER_PATHS = {
    "pl": ["/szukaj/?query=Kaskada", "/nie-ma-takiej-strony/"],
    "en": ["/en/search/?query=Kaskada", "/en/no-such-page/"],
}


class Links(HTMLParser):
    """The hrefs inside <header> and inside <footer>, and the images' alts."""

    def __init__(self):
        super().__init__()
        self.where = None
        self.links = {"header": [], "footer": []}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("header", "footer"):
            self.where = tag
        elif tag == "a" and self.where:
            self.links[self.where].append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag in ("header", "footer"):
            self.where = None


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser.links


def public_paths(language):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    paths = [p.url for p in pages if p.locale.language_code == language]
    return paths + OTHER_PATHS[language]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_public_page_links_etr_and_pjm_in_header_and_footer(
    client, bilingual, language
):
    paths = public_paths(language)
    assert len(paths) >= 12
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        links = links_of(response.content.decode())
        for place in ("header", "footer"):
            assert ETR_PATHS[language] in links[place], (path, place)
            assert PJM_PATHS[language] in links[place], (path, place)


def test_header_links_have_text_and_decorative_symbols(client, bilingual):
    html = client.get("/en/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'src="/static/img/etr.svg" alt=""' in header
    assert 'src="/static/img/pjm.svg" alt=""' in header
    assert "<span>Easy read</span>" in header
    assert "<span>Sign language</span>" in header
    polish = client.get("/").content.decode()
    assert "Tekst łatwy do czytania" in polish
    assert "Polski Język Migowy (PJM)" in polish


def test_the_links_cost_no_query_once_the_header_is_kept(client, bilingual):
    """The two links are part of the header and footer, kept in the "pages"
    cache: a page with them costs what a page without them costs."""

    def queries(path):
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        return len(captured)

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with_links = queries("/en/cooperation/")
    settings.easy_read_page = settings.sign_language_page = None
    settings.save()
    caches["pages"].clear()  # as every change of the settings does
    without_links = queries("/en/cooperation/")
    assert "/en/easy-read/" not in client.get("/en/cooperation/").content.decode()
    assert with_links == without_links, (with_links, without_links)


def test_every_seeded_page_keeps_to_the_query_ceiling(client, bilingual):
    """The ceiling of tests/test_query_counts.py, on the seeded site with its
    ETR and PJM pages (the factory site there has neither)."""
    counts = {}
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    # Search (the seeded site has every page type), the feeds, the sitemap.
    others = [
        "/szukaj/?query=kaskada",
        "/szukaj/?query=tekst+latwy",
        "/en/search/?query=sign+language",
        "/sitemap.xml",
        "/api/partnerships.json",
        "/api/organizations.json",
        "/robots.txt",
    ]
    for path in [page.url for page in pages] + others:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(captured)
    assert max(counts.values()) <= 12, counts
    # The easy-to-read page is routable (its file downloads): routed in as
    # few queries as any page (HomePage.route).
    assert counts["/tekst-latwy-do-czytania/"] == counts["/polityka-prywatnosci/"]


def test_links_fall_back_to_polish_where_a_page_is_not_translated(client, bilingual):
    english = EasyReadPage.objects.get(locale__language_code="en")
    english.unpublish()
    links = links_of(client.get("/en/").content.decode())
    assert ETR_PATHS["pl"] in links["header"]
    assert PJM_PATHS["en"] in links["header"]


# English needs more small words (articles) for the same sentence.
@pytest.mark.parametrize(("language", "average"), [("pl", 7), ("en", 9)])
def test_seeded_easy_read_text_keeps_sentences_short(bilingual, language, average):
    page = EasyReadPage.objects.get(locale__language_code=language)
    counts = page.readability()
    assert counts["sentences"] >= 20
    assert counts["average"] <= average, counts
    assert counts["longest"] <= 14, counts
    # One idea a paragraph: no paragraph holds more than one sentence.
    for _heading, text in page.sections():
        for paragraph in text.splitlines():
            assert readability(paragraph)["sentences"] == 1, paragraph


def test_readability_measure_finds_a_long_sentence():
    text = plain_text(
        "<p>Krótko.</p><p>To zdanie jest bardzo długie, ponieważ opisuje "
        "szczegółowo wszystkie zawiłości współpracy międzyinstytucjonalnej.</p>"
    )
    counts = readability(text)
    assert counts == {
        "sentences": 2,
        "average": 6.5,
        "longest": 12,
        "long_words": ["międzyinstytucjonalnej"],
    }


def test_easy_read_page_has_a_pictogram_beside_each_section(client, bilingual):
    html = client.get(ETR_PATHS["pl"]).content.decode()
    sections = html.count('class="easy-read__section"')
    assert sections == 6
    assert html.count('class="easy-read__pictogram"') == sections
    assert "Jesteśmy biblioteką publiczną na Żoliborzu." in html
    english = client.get(ETR_PATHS["en"]).content.decode()
    assert "We are a public library in Żoliborz." in english
    assert "Jesteśmy biblioteką" not in english


@pytest.mark.parametrize("language", ["pl", "en"])
def test_machine_readable_text_file_downloads_with_the_page_text(
    client, bilingual, language
):
    page = EasyReadPage.objects.get(locale__language_code=language)
    response = client.get(ETR_PATHS[language] + "pobierz/txt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.txt"'
    text = response.content.decode("utf-8")
    assert text.startswith(page.title + "\n")
    for heading, paragraphs in page.sections():
        assert f"\n{heading}\n{'-' * len(heading)}\n{paragraphs}\n" in text


def test_machine_readable_odt_is_an_opendocument_with_headings(client, bilingual):
    page = EasyReadPage.objects.get(locale__language_code="pl")
    response = client.get(ETR_PATHS["pl"] + "pobierz/odt/")
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert "tekst-latwy-do-czytania.odt" in response["Content-Disposition"]
    odt = zipfile.ZipFile(io.BytesIO(response.content))
    first = odt.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    # The site's own output, not untrusted data.
    content = ET.fromstring(odt.read("content.xml"))  # noqa: S314
    headings = [
        (h.get(f"{{{ns['text']}}}outline-level"), h.text)
        for h in content.iterfind(".//text:h", ns)
    ]
    assert headings == [("1", page.title)] + [("2", h) for h, _ in page.sections()]
    paragraphs = [p.text for p in content.iterfind(".//text:p", ns)]
    assert paragraphs == page.plain_text().splitlines()
    for name in ("styles.xml", "meta.xml", "META-INF/manifest.xml"):
        ET.fromstring(odt.read(name))  # noqa: S314 (well-formed)
    assert b'fo:language="pl"' in odt.read("styles.xml")


def test_unknown_file_format_is_a_404(client, bilingual):
    assert client.get(ETR_PATHS["pl"] + "pobierz/exe/").status_code == 404


@pytest.mark.parametrize("language", ["pl", "en"])
def test_etr_and_pjm_pages_link_the_machine_readable_file(client, bilingual, language):
    for path in (ETR_PATHS[language], PJM_PATHS[language]):
        html = client.get(path).content.decode()
        assert f'href="{ETR_PATHS[language]}pobierz/txt/"' in html, path
        assert f'href="{ETR_PATHS[language]}pobierz/odt/"' in html, path


def test_seeded_pjm_page_has_no_video_and_says_how_to_contact_in_pjm(client, bilingual):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "biblioteka@example.org"
    settings.sign_language_sms = "+48 600 100 200"
    settings.sign_language_video_call = "https://tlumacz.example.org/biblioteka"
    settings.save()
    html = client.get(PJM_PATHS["pl"]).content.decode()
    assert "<video" not in html
    assert "Skontaktuj się z biblioteką w polskim języku migowym" in html
    assert 'href="mailto:biblioteka@example.org"' in html
    assert 'href="sms:+48600100200"' in html
    assert 'href="https://tlumacz.example.org/biblioteka"' in html
    assert "Transkrypcja" in html
    assert "Na Żoliborzu są cztery partnerstwa" in html
    english = client.get(PJM_PATHS["en"]).content.decode()
    assert "Contact the library in Polish Sign Language" in english
    assert "There are four partnerships in Żoliborz" in english


def test_statement_names_etr_pjm_and_the_machine_readable_file(client, bilingual):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    section = html.split('id="informacje-dostepne"', 1)[1].split("<h2", 1)[0]
    assert 'href="/tekst-latwy-do-czytania/"' in section
    assert 'href="/polski-jezyk-migowy/"' in section
    assert 'href="/tekst-latwy-do-czytania/pobierz/txt/"' in section
    assert "tekstem odczytywalnym maszynowo" in section
    english = client.get("/en/accessibility-statement/").content.decode()
    assert 'href="/en/easy-read/"' in english


def test_pages_are_children_of_the_home_page_once(bilingual):
    for model in (EasyReadPage, SignLanguagePage):
        assert model.parent_page_types == ["home.HomePage"]
        assert model.max_count_per_parent == 1
    assert re.fullmatch(r"/[a-z-]+/", ETR_PATHS["pl"])
