from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from cooperation.roles import ensure_roles_for_new_page, register_section

        from .models import EventIndexPage

        # Editors add events (a partnership's meetings) under the Polish
        # events page, moderators publish them, as in the cooperation section.
        register_section("events", "EventIndexPage")
        post_save.connect(
            ensure_roles_for_new_page,
            sender=EventIndexPage,
            dispatch_uid="ensure_roles_EventIndexPage",
        )
