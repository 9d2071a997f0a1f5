"""Build the seeded site: pages, partnerships, organisations, footer text, in
Polish from `initial_content/pl.toml` and in English from `initial_content/en.po`.

Safe to run any number of times: it creates only what is missing and never
changes what an editor has changed."""

from django.core.management.base import BaseCommand

from home.models import HomePage
from site_settings.initial_content.loader import load


class Command(BaseCommand):
    help = "Create the initial content of the site (idempotent)."

    def add_arguments(self, parser):
        # `make serve`: seed a new site, never re-create on a restart what
        # the librarians have since deleted.
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the default site already has a home page",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The site has its home page; nothing loaded.")
            return
        report = load()
        for label in report.skipped:
            self.stderr.write(
                f"not translated into English (translate it in the admin): {label}"
            )
        if not report.created:
            self.stdout.write("Initial content already present; nothing created.")
            return
        for kind, label in report.created:
            self.stdout.write(f"created {kind}: {label}")
        self.stdout.write(self.style.SUCCESS(f"{len(report.created)} objects created."))
