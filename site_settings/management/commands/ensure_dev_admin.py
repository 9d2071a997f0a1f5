"""Make sure a development admin account exists (never in production).

The password comes from DJANGO_SUPERUSER_PASSWORD, or is generated and
printed once, when the account is created."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the development admin account 'admin' if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG settings.")
        user_model = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' already exists.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(
            12
        )
        user_model.objects.create_superuser(
            username=username,
            email=f"{username}@example.invalid",
            password=password,
        )
        shown = (
            "(from DJANGO_SUPERUSER_PASSWORD)"
            if os.environ.get("DJANGO_SUPERUSER_PASSWORD")
            else password
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin account '{username}', password: {shown} "
                "— log in at /admin/ on the development server"
            )
        )
