"""The librarians' rights on the events page: editors add and edit events
(an editor of a partnership adds its meetings) and send them to moderation,
moderators approve and publish them, translators translate them in the
English tree, through the same workflow as the cooperation section
(cooperation.roles). Only adds what is missing."""

from django.conf import settings
from wagtail.models import (
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from cooperation.roles import (
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    MODERATOR_PAGE_PERMISSIONS,
    MODERATORS,
    WORKFLOW_NAME,
    ensure_roles,
)


def grant(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission__codename=codename,
            defaults={"permission": _permission(codename)},
        )


def _permission(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )


def ensure_event_roles():
    """Rights and workflow on every events page (idempotent)."""
    from .models import EventIndexPage

    groups = ensure_roles()
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    for index in EventIndexPage.objects.select_related("locale"):
        page = Page.objects.get(pk=index.pk)
        if index.locale.language_code == settings.LANGUAGE_CODE:
            grant(groups[EDITORS], page, EDITOR_PAGE_PERMISSIONS)
            if workflow and not WorkflowPage.objects.filter(page=page).exists():
                WorkflowPage.objects.create(workflow=workflow, page=page)
        grant(groups[MODERATORS], page, MODERATOR_PAGE_PERMISSIONS)


def ensure_event_roles_for_new_page(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a new events page gets its rights at once."""
    if created and not raw:
        ensure_event_roles()
