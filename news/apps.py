from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from cooperation.roles import ensure_roles_for_new_page, register_section

        from .models import NewsIndexPage

        # Editors add news under the Polish news index, moderators publish
        # it, as in the cooperation section.
        register_section("news", "NewsIndexPage")
        post_save.connect(
            ensure_roles_for_new_page,
            sender=NewsIndexPage,
            dispatch_uid="ensure_roles_NewsIndexPage",
        )
