"""Polish names where the admin shows data, and no Wagtail default groups.

- The tree's root page and root collection are called "Root" by Wagtail's
  own migrations; the Polish admin shows that title in breadcrumbs and the
  page explorer, so they get Polish names.
- The workflow and its task are renamed to the nominative (they are
  headings); the buttons naming them are worded in locale/pl.
- Wagtail's default groups "Editors" and "Moderators" sat beside the
  librarians' Polish groups with rights over the whole tree. A group nobody
  belongs to is deleted; one with members loses its page and collection
  permissions (an administrator moves the members to a Polish group).
  Wagtail's default "Moderators approval" task, still assigned to the root
  page, is approved by "Moderatorzy" instead, so nothing waits for a group
  that no longer exists.
"""

from django.db import migrations

from cooperation.roles import (
    MODERATORS,
    OLD_TASK_NAME,
    OLD_WORKFLOW_NAME,
    TASK_NAME,
    WORKFLOW_NAME,
)

ROOT_PAGE_TITLE = "Wszystkie strony"
ROOT_COLLECTION_NAME = "Wszystkie pliki"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
DEFAULT_WORKFLOW_NAME = "Cała witryna"
DEFAULT_TASK_NAME = "Akceptacja moderatora (cała witryna)"


def polish_names(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page.objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)
    Workflow.objects.filter(name=OLD_WORKFLOW_NAME).update(name=WORKFLOW_NAME)
    Task.objects.filter(name=OLD_TASK_NAME).update(name=TASK_NAME)


def retire_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    defaults = list(Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS))
    moderators = Group.objects.filter(name=MODERATORS).first()
    for task in GroupApprovalTask.objects.filter(groups__in=defaults).distinct():
        task.groups.remove(*defaults)
        if moderators is not None and not task.groups.exists():
            task.groups.add(moderators)
        if task.name == WAGTAIL_DEFAULT_WORKFLOW:
            task.name = DEFAULT_TASK_NAME
            task.save(update_fields=["name"])
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(
        name=DEFAULT_WORKFLOW_NAME
    )
    for group in defaults:
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("site_settings", "0004_easy_read_and_sign_language_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(polish_names, migrations.RunPython.noop),
        migrations.RunPython(retire_default_groups, migrations.RunPython.noop),
    ]
