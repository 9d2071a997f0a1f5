from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self):
        from home.models import HomePage
        from home.search import register_model

        from .models import CooperationPage, PartnerOrganization
        from .models.partnership import reindex_partnerships
        from .roles import ensure_roles_for_new_page

        # A new cooperation section, or a new language's home page (made by
        # wagtail-localize), gets the librarians' permissions and workflow.
        for model in (HomePage, CooperationPage):
            post_save.connect(
                ensure_roles_for_new_page,
                sender=model,
                dispatch_uid=f"ensure_roles_{model.__name__}",
            )
        # Partner organisations are search results of their own, and
        # partnership pages are found by their members' names.
        register_model(PartnerOrganization)
        post_save.connect(
            reindex_partnerships,
            sender=PartnerOrganization,
            dispatch_uid="reindex_partnerships",
        )
