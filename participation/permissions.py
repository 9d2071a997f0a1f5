"""Who reads residents' messages: the people who may edit the partnership's
page (its editors, the moderators) read them; those who may publish it (the
moderators) may also delete them. A group with page permissions on one
partnership sees only that partnership's messages."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from cooperation.models import PartnershipPage

# Action on a message -> the permission on its partnership's page it needs.
PAGE_PERMISSION = {"view": "change", "delete": "publish"}


def partnerships_for(user, action):
    """The default-language partnership pages whose messages ``user`` may
    ``action`` ("view", "delete")."""
    page_action = PAGE_PERMISSION.get(action)
    if page_action is None or not user.is_active:
        return PartnershipPage.objects.none()
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, page_action)
    return PartnershipPage.objects.filter(
        locale=Locale.get_default(), pk__in=pages.values("pk")
    )


class MessagePermissionPolicy(BasePermissionPolicy):
    """Messages inherit the permissions of their partnership's page; nobody
    adds or edits one in the admin."""

    def user_has_permission(self, user, action):
        return partnerships_for(user, action).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            partnerships_for(user, action).filter(pk=instance.partnership_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = set()
        for action in actions:
            allowed.update(partnerships_for(user, action).values_list("pk", flat=True))
        return self.model._default_manager.filter(partnership_id__in=allowed)

    def users_with_any_permission(self, actions):
        page_actions = [PAGE_PERMISSION[a] for a in actions if a in PAGE_PERMISSION]
        if not page_actions:
            return get_user_model().objects.none()
        return PagePermissionPolicy().users_with_any_permission(page_actions)
