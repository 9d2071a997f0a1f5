"""Build the seeded site: pages, partnerships, organisations, footer text, in
Polish from `initial_content/pl.toml` and in English from `initial_content/en.po`.

Safe to run any number of times: it creates only what is missing and never
changes what an editor has changed."""

from django.core.management.base import BaseCommand

from site_settings.initial_content.loader import load


class Command(BaseCommand):
    help = "Create the initial content of the site (idempotent)."

    def handle(self, *args, **options):
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
