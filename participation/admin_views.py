"""The admin's list of residents' messages: filter by partnership and date,
CSV export, read and delete; each person sees only the partnerships whose
pages they may edit (permissions.py)."""

import django_filters
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PartnershipMessage, SenderKind
from .permissions import partnerships_for


def visible_partnerships(request):
    return partnerships_for(request.user, "view").order_by("title")


class MessageFilterSet(WagtailFilterSet):
    partnership = django_filters.ModelChoiceFilter(
        label=_("partnership"), queryset=visible_partnerships
    )
    sender_kind = django_filters.ChoiceFilter(
        label=_("who is writing"), choices=SenderKind.choices
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("sent"), widget=DateRangePickerWidget
    )

    class Meta:
        model = PartnershipMessage
        fields = ["partnership", "sender_kind", "created_at"]


class MessageIndexView(IndexView):
    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_permission_for(
                self.request.user, "view"
            )
            .select_related("partnership")
            .order_by("-created_at")
        )


class OnlyTheirs:
    """A message of a partnership the person may not see is refused."""

    action = "view"

    def get_object(self, queryset=None):
        message = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.action, message
        ):
            raise PermissionDenied
        return message


class MessageInspectView(OnlyTheirs, InspectView):
    pass


class MessageDeleteView(OnlyTheirs, DeleteView):
    action = "delete"


class PartnershipMessageViewSet(ModelViewSet):
    model = PartnershipMessage
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 250
    name = "partnership_messages"
    inspect_view_enabled = True
    index_view_class = MessageIndexView
    inspect_view_class = MessageInspectView
    delete_view_class = MessageDeleteView
    filterset_class = MessageFilterSet
    list_display = [
        "name",
        Column("partnership", label=_("partnership")),
        Column(
            "sender_kind", label=_("who is writing"), accessor="get_sender_kind_display"
        ),
        "email",
        DateColumn("created_at", label=_("sent"), sort_key="created_at"),
    ]
    list_export = [
        "created_at",
        "partnership",
        "language",
        "name",
        "email",
        "phone",
        "sender_kind",
        "message",
        "delivered_to",
    ]
    export_headings = {"partnership": _("partnership"), "created_at": _("sent")}
    export_filename = "wiadomosci-od-mieszkancow"
    inspect_view_fields = [
        "partnership",
        "created_at",
        "language",
        "name",
        "email",
        "phone",
        "sender_kind",
        "message",
        "consent_at",
        "delivered_to",
    ]
    form_fields = ["name", "email", "phone", "sender_kind", "message"]
    search_fields = ["name", "email", "message"]

    def get_permissions_to_register(self):
        # Reading follows the partnership pages' permissions: no model
        # permissions to hand out under Settings → Groups.
        return Permission.objects.none()
