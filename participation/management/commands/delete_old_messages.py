"""Delete residents' messages older than the retention period (run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from participation.models import PartnershipMessage, months_before


class Command(BaseCommand):
    help = (
        "Delete residents' messages to partnerships sent more than "
        "PARTICIPATION_RETENTION_MONTHS (12) months ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Keep this many months instead of the setting.",
        )

    def handle(self, *args, months=None, **options):
        months = settings.PARTICIPATION_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months must be 1 or more.")
        cutoff = months_before(timezone.now(), months)
        deleted, _ = PartnershipMessage.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} message(s) sent before {cutoff:%Y-%m-%d %H:%M} UTC."
        )
