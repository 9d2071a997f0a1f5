"""`manage.py backup [--output DIR]`: the database and every media file in one
dated archive (see site_settings/operations/backup.py). DIR defaults to BACKUP_DIR or
`backups/` in the checkout."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from site_settings.operations import backup


class Command(BaseCommand):
    help = "Write the database and the media to a dated .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("BACKUP_DIR") or str(settings.BASE_DIR / "backups"),
            help="the folder to write the archive into",
        )

    def handle(self, *args, output, **options):
        path, manifest = backup.create(output)
        self.stdout.write(
            f"{path}: {manifest['objects']} database objects, "
            f"{manifest['media_files']} media files."
        )
