"""Property-based (Hypothesis): generated hostile values at every public GET
parameter and at the admin forms of a partnership and an organisation never
get a 5xx. The data is built once for the module (``site_tree``) and each
example is one request; how many is the Hypothesis profile's (conftest.py)."""

from urllib.parse import quote_from_bytes

import pytest
from django.urls import reverse
from hypothesis import example, given, settings
from hypothesis import strategies as st

from .factories import editor, logo_image, moderator, partnership_form_data

pytestmark = pytest.mark.django_db

KNOWN_BAD = [
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page; --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}{% debug %}",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "%00",
    "\ufeff\u202e\u200b",
    "ż" * 3000,
    "x" * 10_000,
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "{}",
    '{"blocks": [], "entityMap": {}}',
    "[" * 2000,
    "null",
    "０１２",
    "\r\nSet-Cookie: x=1",
]

hostile_text = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=50),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
# Raw query-string bytes, undecodable UTF-8 included.
hostile_bytes = st.binary(max_size=120).map(lambda b: quote_from_bytes(b, safe=""))

# Every public view that reads GET parameters, with its parameters.
PUBLIC_PARAMETERS = [
    ("/wspolpraca/partnerstwa-lokalne/", "street"),
    ("/wspolpraca/z-kim-wspolpracujemy/", "sector"),
    ("/wspolpraca/z-kim-wspolpracujemy/", "partnership"),
    ("/szukaj/", "query"),
    ("/szukaj/", "page"),
    ("/en/search/", "query"),
    ("/api/partnerships.json", "format"),
    ("/", "q"),
]

# The objects a test made once.
made = {}


def once(key, make):
    """``make()`` on a test's first example; the same object afterwards (the
    test's database savepoint lives as long as all its examples)."""
    if key not in made:
        made[key] = make()
    return made[key]


# A public request is cheap: four times the profile's examples.
@settings(max_examples=4 * settings().max_examples)
@given(
    target=st.sampled_from(PUBLIC_PARAMETERS),
    value=st.one_of(
        hostile_text.map(lambda v: quote_from_bytes(v.encode(), safe="")),
        hostile_bytes,
    ),
    second=st.sampled_from(PUBLIC_PARAMETERS),
    second_value=hostile_bytes,
)
def test_public_get_parameters_never_5xx(
    client, site_tree, target, value, second, second_value
):
    path, name = target
    query = f"{name}={value}&{second[1]}={second_value}"
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code < 500, (path, query)


PARTNERSHIP_FIELDS = [
    "title",
    "slug",
    "founded_year",
    "founded_month",
    "logo",
    "logo_alt",
    "go_live_at",
    "expire_at",
    "streets-0-name",
    "streets-0-street_type",
    "streets-TOTAL_FORMS",
    "places-0-name",
    "members-0-organization",
    "members-TOTAL_FORMS",
    "body-count",
    "body-0-type",
    "body-0-value",
    "seo_title",
    "search_description",
]


# The inputs that gave a 500 before the admin's bad-input guard, always tried.
@example(fields=["body-0-value"], values=["{not json", "", ""])
@example(fields=["body-count"], values=["abc", "", ""])
@example(fields=["logo"], values=["abc", "", ""])
@example(fields=["go_live_at"], values=["0001-01-01 00:00", "", ""])
@given(
    fields=st.lists(st.sampled_from(PARTNERSHIP_FIELDS), min_size=1, max_size=3),
    values=st.lists(hostile_text, min_size=3, max_size=3),
)
def test_partnership_form_never_5xx(client, site_tree, fields, values):
    client.force_login(once("editor", editor))
    logo = once("logo", logo_image)
    index = site_tree.index
    url = reverse(
        "wagtailadmin_pages:add", args=["cooperation", "partnershippage", index.pk]
    )
    data = partnership_form_data(logo=logo)
    data["members-TOTAL_FORMS"] = "1"
    data["members-0-organization"] = str(site_tree.organizations["sosw-9"].pk)
    data["members-0-ORDER"] = "0"
    for field, value in zip(fields, values, strict=False):
        data[field] = value
    response = client.post(url, data)
    assert response.status_code < 500, (fields, values)


ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "sector",
    "former_name",
    "description",
    "address",
    "website",
    "slug",
    "logo",
    "logo_alt",
]


@example(fields=["logo"], values=["abc", "", ""])
@example(fields=["logo", "name"], values=["1\x00", "Fundacja\x00", ""])
@given(
    fields=st.lists(st.sampled_from(ORGANISATION_FIELDS), min_size=1, max_size=3),
    values=st.lists(hostile_text, min_size=3, max_size=3),
)
def test_organisation_form_never_5xx(client, site_tree, fields, values):
    client.force_login(once("moderator", moderator))
    url = reverse("wagtailsnippets_cooperation_partnerorganization:add")
    data = {
        "name": "Fundacja Testowa",
        "sector": "ngo",
        "description": "Organizacja z testu.",
        "slug": "fundacja-testowa",
        "action-publish": "1",
    }
    for field, value in zip(fields, values, strict=False):
        data[field] = value
    response = client.post(url, data)
    assert response.status_code < 500, (fields, values)
