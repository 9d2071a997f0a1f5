"""Point the default Wagtail Site at the site's public address.

Every absolute address the site writes (canonical and hreflang links, the
sitemap, links in e-mails) is built from the Site record's hostname and port,
so they must be the public ones, never ``localhost``. `make serve` runs this
before starting the server; the address is WAGTAILADMIN_BASE_URL unless given.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url):
    """(hostname, port) of an http(s) address; Wagtail writes https:// for
    port 443 and http:// for any other."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(
            f"{url!r} is not an address such as https://biblioteka.example.pl."
        )
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise CommandError(f"{url!r}: {error}") from None
    if parts.scheme == "https" and port != 443:
        raise CommandError(
            f"{url!r}: Wagtail writes https:// addresses only for port 443."
        )
    return parts.hostname, port


class Command(BaseCommand):
    help = "Set the default site's hostname and port from the public address."

    def add_arguments(self, parser):
        parser.add_argument(
            "url",
            nargs="?",
            help="the public address (default: WAGTAILADMIN_BASE_URL)",
        )

    def handle(self, *args, url=None, **options):
        url = url or settings.WAGTAILADMIN_BASE_URL
        hostname, port = site_address(url)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No site yet (load the content first); nothing set.")
            return
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site's address is already {site.root_url}.")
            return
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(self.style.SUCCESS(f"The site's address is now {url}."))
