from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Residents join or write to a partnership: the form, the messages kept
    for the partnership's editors, and their retention."""

    name = "participation"
    verbose_name = _("Messages from residents")
    default_auto_field = "django.db.models.BigAutoField"
