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
        # Translation notes dated in the admin's language; the
        # choosers' language filter labelled in Polish.
        from .admin_extras import chooser_labels, translation_comments

        translation_comments.install()
        chooser_labels.install()

        # Security hardening: bounded dates in every admin form;
        # moderators may unlock locked-out accounts.
        from .admin_extras.bad_input import register_bounded_dates

        register_bounded_dates()
        post_migrate.connect(grant_lockout_permissions)

        from home.chrome import register_chrome_pages

        register_chrome_pages(chrome_pages)


def chrome_pages(site):
    """The pages every header and footer links, read with each page
    (home.chrome): the accessibility statements, and the privacy notice, the
    easy-to-read and the sign-language pages chosen in the settings, in
    every language."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q, Subquery

    from home.models import AccessibilityStatementPage

    from .models import SiteSettings

    kind = ContentType.objects.get_for_model(AccessibilityStatementPage)
    chosen = SiteSettings.objects.filter(site_id=site.pk)
    linked = Q(content_type=kind)
    # The privacy notice, and the easy-to-read and sign-language pages that
    # every header and footer links (issue 13): subqueries, no extra query.
    for field in ("privacy_page", "easy_read_page", "sign_language_page"):
        keys = chosen.values(f"{field}__translation_key")
        linked |= Q(translation_key__in=Subquery(keys))
    return linked
