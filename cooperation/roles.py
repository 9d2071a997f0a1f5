"""The librarians' roles: who may edit, who approves and publishes, who
translates, and the moderation workflow between them. `ensure_roles()` only
creates what is missing (hand-added permissions survive); it runs from the data
migration, the initial-content loader and whenever a cooperation or home page
is created. Every function takes an app registry, for the migration."""

from django.apps import apps as global_apps
from django.conf import settings

EDITORS = "Redaktorzy"
MODERATORS = "Moderatorzy"
TRANSLATORS = "Tłumacze"
# Names in the nominative: they are headings in the status panel and the
# workflow lists. The buttons that name them ("Wyślij do moderacji (Dział
# Współpraca)") are worded in the project's catalog.
WORKFLOW_NAME = "Dział Współpraca"
TASK_NAME = "Akceptacja moderatora"
# The genitive names used before (site_settings migration 0004 renames them).
OLD_WORKFLOW_NAME = "moderacji (dział Współpraca)"
OLD_TASK_NAME = "akceptacji moderatora"

# Page types under whose Polish pages editors add and edit pages, with the
# moderation workflow; later areas (news) add theirs from AppConfig.ready().
SECTION_MODELS = [("cooperation", "CooperationPage")]


def register_section(app_label, model_name):
    """Pages of ``app_label.model_name`` are sections like "Współpraca"."""
    if (app_label, model_name) not in SECTION_MODELS:
        SECTION_MODELS.append((app_label, model_name))


# (app label, codename) pairs, model by model.
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("cooperation", "add_partnerorganization"),
        ("cooperation", "change_partnerorganization"),
        ("cooperation", "lock_partnerorganization"),
        # The sign-language recording (video, captions, poster).
        ("home", "add_signlanguagerecording"),
        ("home", "change_signlanguagerecording"),
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("cooperation", "add_partnerorganization"),
        ("cooperation", "change_partnerorganization"),
        ("cooperation", "publish_partnerorganization"),
        ("cooperation", "lock_partnerorganization"),
        ("cooperation", "unlock_partnerorganization"),
        ("wagtail_localize", "submit_translation"),
        # The sign-language recording (video, captions, poster).
        ("home", "add_signlanguagerecording"),
        ("home", "change_signlanguagerecording"),
        # Login lock-outs (django-axes): see and lift them.
        ("axes", "view_accessattempt"),
        ("axes", "delete_accessattempt"),
    ],
    TRANSLATORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        # Organisations are translated in the snippet editor. Model permissions
        # cannot be limited to one language, so the organisation edit view
        # (cooperation/wagtail_hooks.py) refuses translators the Polish
        # originals; without "publish" their translations wait for a moderator.
        ("cooperation", "change_partnerorganization"),
    ],
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    MODERATORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    TRANSLATORS: [("wagtailimages", "choose_image")],
}

# Page permissions: editors never publish.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Permissions Wagtail adds after migrations (post_migrate) for snippets with
# drafts and locking; the migration creates them early under the same names.
SNIPPET_EXTRA_PERMISSIONS = [
    ("publish", "Can publish"),
    ("lock", "Can lock"),
    ("unlock", "Can unlock"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def ensure_snippet_permissions(apps=global_apps):
    """Publish/lock/unlock permissions of partner organisations, which Wagtail
    itself only creates after the last migration has run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="cooperation", model="partnerorganization"
    )
    for action, name in SNIPPET_EXTRA_PERMISSIONS:
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_partnerorganization",
            defaults={"name": f"{name} partner organisation"},
        )


def ensure_submit_translation_permission(apps=global_apps):
    """wagtail-localize's "Can submit translations" permission, which only its
    migration 0006 makes (no model declares it): a database emptied by
    `flush` (the browser suite, a restore drill) has none until this runs,
    and the translators' group would silently go without it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def ensure_groups(apps=global_apps):
    """The three groups with their model and collection permissions."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    groups = {}
    for name in (EDITORS, MODERATORS, TRANSLATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, codename in MODEL_PERMISSIONS[name]:
            permission = _permission(apps, app_label, codename)
            if permission is not None:
                group.permissions.add(permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, pairs in COLLECTION_PERMISSIONS.items():
            for app_label, codename in pairs:
                permission = _permission(apps, app_label, codename)
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name],
                        collection=root_collection,
                        permission=permission,
                    )
    return groups


def _grant_pages(apps, group, pages, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for page in pages:
        for codename in codenames:
            permission = _permission(apps, "wagtailcore", codename)
            if permission is not None:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=page.pk, permission=permission
                )


def ensure_page_permissions(apps, groups):
    """Editors on the Polish sections (cooperation, news); moderators on
    every section and the English tree; translators on the English tree
    only."""
    Page = apps.get_model("wagtailcore", "Page")
    sections = []
    for app_label, model_name in SECTION_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:  # a migration before the model existed
            continue
        sections += list(model.objects.all())
    polish_sections = [
        s for s in sections if s.locale.language_code == settings.LANGUAGE_CODE
    ]
    _grant_pages(apps, groups[EDITORS], polish_sections, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(apps, groups[MODERATORS], sections, MODERATOR_PAGE_PERMISSIONS)
    # The English tree starts at the English home page, which wagtail-localize
    # creates with the first translation; moderators publish translations.
    english_roots = list(
        Page.objects.filter(depth=2).exclude(
            locale__language_code=settings.LANGUAGE_CODE
        )
    )
    _grant_pages(apps, groups[TRANSLATORS], english_roots, TRANSLATOR_PAGE_PERMISSIONS)
    _grant_pages(apps, groups[MODERATORS], english_roots, MODERATOR_PAGE_PERMISSIONS)
    return sections


def ensure_workflow(apps, groups, sections):
    """One approval task for the moderators, used for the cooperation
    sections and for partner organisations. A section or a model that
    already has a workflow keeps it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task_type, _ = ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )
            task = GroupApprovalTask.objects.create(
                name=TASK_NAME, active=True, content_type=task_type
            )
            task.groups.add(groups[MODERATORS])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for section in sections:
        if not WorkflowPage.objects.filter(page_id=section.pk).exists():
            WorkflowPage.objects.create(workflow=workflow, page_id=section.pk)
    # Translators send finished translations of any English page
    # to moderation, so the workflow covers each translated tree from its root.
    Page = apps.get_model("wagtailcore", "Page")
    for root in Page.objects.filter(depth=2).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        if not WorkflowPage.objects.filter(page_id=root.pk).exists():
            WorkflowPage.objects.create(workflow=workflow, page_id=root.pk)
    organisation_type, _ = ContentType.objects.get_or_create(
        app_label="cooperation", model="partnerorganization"
    )
    if not WorkflowContentType.objects.filter(content_type=organisation_type).exists():
        WorkflowContentType.objects.create(
            workflow=workflow, content_type=organisation_type
        )
    return workflow


def ensure_roles(apps=global_apps):
    """Groups, their permissions and the moderation workflow (idempotent)."""
    ensure_snippet_permissions(apps)
    ensure_submit_translation_permission(apps)
    groups = ensure_groups(apps)
    sections = ensure_page_permissions(apps, groups)
    ensure_workflow(apps, groups, sections)
    return groups


def only_translates(user):
    """True for an account whose only group is the translators': it may
    change organisations (translations) but not the Polish originals."""
    if user.is_superuser:
        return False
    return set(user.groups.values_list("name", flat=True)) == {TRANSLATORS}


def ensure_roles_for_new_page(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a new cooperation section or a new language root
    gets its permissions and workflow at once."""
    if created and not raw and instance.depth in (2, 3):
        ensure_roles()
