from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and shared blocks")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
