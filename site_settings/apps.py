from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = _("Site settings")

    def ready(self):
        # issue-10b: translation notes dated in the admin's language; the
        # choosers' language filter labelled in Polish.
        from .admin_extras import chooser_labels, translation_comments

        translation_comments.install()
        chooser_labels.install()
