"""`manage.py restore ARCHIVE`: replace the site's content with a backup made
by `manage.py backup` (site_settings/operations/restore.py). Run `migrate`
first; stop the application servers or expect errors while it runs."""

from django.core.management.base import BaseCommand, CommandError

from site_settings.operations.backup import BackupError
from site_settings.operations.restore import restore


class Command(BaseCommand):
    help = "Replace the database and media with the content of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar.gz written by `backup`")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive, interactive, **options):
        if interactive:
            answer = input(
                "This replaces EVERYTHING in the database with the content of "
                f"{archive}. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest, files = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: "
                f"{manifest['objects']} database objects, {files} media files."
            )
        )
