"""The librarians' groups (Redaktorzy, Moderatorzy, Tłumacze), their
permissions and the moderation workflow; see cooperation/roles.py.

On a fresh database no page exists yet, so page permissions and the
workflow's page assignment are added later by `ensure_roles()`, which the
initial-content loader calls."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from cooperation.roles import ensure_roles

APPS_WITH_PERMISSIONS = [
    "auth",
    "contenttypes",
    "wagtailcore",
    "wagtailadmin",
    "wagtailimages",
    "wagtaildocs",
    "cooperation",
]


def create_roles(apps, schema_editor):
    # Django creates model permissions after the last migration; the groups
    # need them now.
    for label in APPS_WITH_PERMISSIONS:
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("site_settings", "0001_initial"),
        ("cooperation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
