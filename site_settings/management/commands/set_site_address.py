"""`manage.py set_site_address [URL]`: see site_settings/operations/site_address.py.
URL defaults to WAGTAILADMIN_BASE_URL."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_settings.operations.site_address import set_site_address


class Command(BaseCommand):
    help = "Set the default site's hostname and port from the public address."

    def add_arguments(self, parser):
        parser.add_argument(
            "url",
            nargs="?",
            help="the public address (default: WAGTAILADMIN_BASE_URL)",
        )

    def handle(self, *args, url=None, **options):
        try:
            self.stdout.write(set_site_address(url or settings.WAGTAILADMIN_BASE_URL))
        except ValueError as error:
            raise CommandError(str(error)) from None
