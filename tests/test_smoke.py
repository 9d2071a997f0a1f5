import pytest

pytestmark = pytest.mark.django_db


def test_seeded_pages_render(client, site_tree):
    for url in [
        "/",
        "/wspolpraca/",
        "/wspolpraca/partnerstwa-lokalne/",
        "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/",
        "/wspolpraca/z-kim-wspolpracujemy/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
