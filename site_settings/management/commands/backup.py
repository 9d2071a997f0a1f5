"""`manage.py backup [--output DIR]`: the database and every media file in one
dated archive, checked before it is called done (see
site_settings/operations/backup.py). DIR defaults to BACKUP_DIR or `backups/`
in the checkout. `manage.py backup --check ARCHIVE` checks an existing archive.
Both exit with status 1 and say why when an archive would not restore."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_settings.operations import backup
from site_settings.operations.archive_check import check_archive


class Command(BaseCommand):
    help = (
        "Write the database and the media to a dated .tar.gz archive, or check "
        "an existing archive with --check."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("BACKUP_DIR") or str(settings.BASE_DIR / "backups"),
            help="the folder to write the archive into",
        )
        parser.add_argument(
            "--check",
            metavar="ARCHIVE",
            help="check that ARCHIVE would restore, write nothing",
        )

    def handle(self, *args, output, check, **options):
        try:
            if check:
                manifest = check_archive(check)
                path = check
            else:
                path, manifest = backup.create(output)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from None
        verb = "sound" if check else "written and checked"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path}: {verb}, taken {manifest['created']}: "
                f"{manifest['objects']} database objects, "
                f"{manifest['media_files']} media files."
            )
        )
