"""The default Wagtail Site's hostname and port, set from the public address.

Canonical and hreflang links, the sitemap and links in e-mails are built from
them, so they must be the public ones, never ``localhost``. `make serve` runs
`manage.py set_site_address` before starting the server."""

from urllib.parse import urlsplit

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url):
    """(hostname, port) of an http(s) address; Wagtail writes https:// for
    port 443 and http:// for any other. ValueError for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(
            f"{url!r} is not an address such as https://biblioteka.example.pl."
        )
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise ValueError(f"{url!r}: {error}") from None
    if parts.scheme == "https" and port != 443:
        raise ValueError(
            f"{url!r}: Wagtail writes https:// addresses only for port 443."
        )
    return parts.hostname, port


def set_site_address(url):
    """Point the default site at ``url``; return what happened, in words."""
    hostname, port = site_address(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "No site yet (load the content first); nothing set."
    if (site.hostname, site.port) == (hostname, port):
        return f"The site's address is already {site.root_url}."
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return f"The site's address is now {url}."
