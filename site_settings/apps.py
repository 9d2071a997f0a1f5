from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = _("Site settings")

    def ready(self):
        from home.chrome import register_chrome_pages

        register_chrome_pages(chrome_pages)


def chrome_pages(site):
    """The pages every footer links, read with each page (home.chrome): the
    accessibility statements and the privacy notice chosen in the settings,
    in every language."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q, Subquery

    from home.models import AccessibilityStatementPage

    from .models import SiteSettings

    kind = ContentType.objects.get_for_model(AccessibilityStatementPage)
    privacy = SiteSettings.objects.filter(site_id=site.pk).values(
        "privacy_page__translation_key"
    )
    return Q(content_type=kind) | Q(translation_key__in=Subquery(privacy))
