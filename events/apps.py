from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from .models import EventIndexPage
        from .roles import ensure_event_roles_for_new_page

        # A new events page (or its translation) gets the librarians'
        # permissions and the moderation workflow at once.
        post_save.connect(
            ensure_event_roles_for_new_page,
            sender=EventIndexPage,
            dispatch_uid="ensure_event_roles",
        )
