from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = _("Site settings")

    def ready(self):
        from home.chrome import register_chrome_pages

        register_chrome_pages(chrome_pages)
        post_save.connect(translations_changed, dispatch_uid="translations_saved")
        post_delete.connect(translations_changed, dispatch_uid="translations_deleted")


def translations_changed(sender, **kwargs):
    """A wagtail-localize object saved or deleted: the dashboard's
    "Translations to update" panel computes its rows afresh."""
    if sender._meta.app_label != "wagtail_localize":
        return
    from django.db import transaction

    from home.page_cache import new_generation

    from .admin_extras.translation_status import TRANSLATIONS_GENERATION

    new_generation(TRANSLATIONS_GENERATION)
    transaction.on_commit(lambda: new_generation(TRANSLATIONS_GENERATION))


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
