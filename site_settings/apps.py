from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = _("Site settings")

    def ready(self):
        from cooperation.models import CooperationPage
        from home.models import HomePage

        from .roles import ensure_roles_for_new_page

        for model in (HomePage, CooperationPage):
            post_save.connect(
                ensure_roles_for_new_page,
                sender=model,
                dispatch_uid=f"ensure_roles_{model.__name__}",
            )
