from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def grant_lockout_permissions(sender, using="default", **kwargs):
    """django-axes' permissions exist only after its migrations ran
    (post_migrate): make them and give the moderators theirs."""
    if sender.label != "axes":
        return
    from django.contrib.auth.management import create_permissions

    from cooperation.roles import ensure_groups

    create_permissions(sender, verbosity=0, using=using)
    ensure_groups()


class SiteSettingsConfig(AppConfig):
    name = "site_settings"
    verbose_name = _("Site settings")

    def ready(self):
        # Translation notes dated in the admin's language; the choosers'
        # language filter labelled in Polish.
        from .admin_ui import chooser_labels, translation_comments

        translation_comments.install()
        chooser_labels.install()

        # Malformed input: bounded dates in every admin form;
        # moderators may unlock locked-out accounts.
        from .editorial.bad_input import register_bounded_dates

        register_bounded_dates()
        post_migrate.connect(grant_lockout_permissions)
