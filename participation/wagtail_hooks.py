"""The join section on partnership pages and the admin's list of messages."""

from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cooperation.models import PartnershipPage
from home.sections import PAGE_SECTIONS, Section

from .admin_views import PartnershipMessageViewSet
from .models import PartnershipMessage
from .permissions import MessagePermissionPolicy

register_permission_policy(
    PartnershipMessage, MessagePermissionPolicy(PartnershipMessage)
)


@hooks.register("register_admin_viewset")
def register_messages():
    return PartnershipMessageViewSet()


@hooks.register(PAGE_SECTIONS)
def join_section(page, request):
    """The contact person and the way to the join form, on every partnership
    page (the page stays cached: the form is on a page of its own)."""
    if not issubclass(page.specific_class, PartnershipPage):
        return None
    url = reverse("participation_join", kwargs={"key": page.translation_key})
    return Section("participation/contact_section.html", {"join_url": url}, order=10)
