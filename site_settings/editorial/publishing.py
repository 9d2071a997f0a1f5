"""Who may make something live, enforced where it happens, also on paths that
skip Wagtail's own check (wagtail-localize's sync and "Convert to alias page"):
``AdminWriteMiddleware`` runs each write request in one transaction and
remembers its user; ``refuse_unpermitted_publish`` (pre_save) refuses to make
a page or snippet live for a user who may not publish it (403). Outside a
request (scheduled publishing, commands) nothing here applies."""

import contextvars

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

_request_user = contextvars.ContextVar("request_user", default=None)

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class AdminWriteMiddleware:
    """One transaction per write request, and the request's user for
    `refuse_unpermitted_publish`. With SQLite's IMMEDIATE transactions (see
    DATABASES) a write request takes the write lock when it starts, so two
    librarians' saves run one after the other instead of failing with
    "database is locked", and a publish that fails half-way leaves no saved
    but unpublished revision behind."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_user.set(getattr(request, "user", None))
        try:
            if request.method not in WRITE_METHODS:
                return self.get_response(request)
            with transaction.atomic():
                response = self.get_response(request)
                # Django turns the view's exceptions into responses before
                # they reach here: undo the writes of a failed request. (Not
                # on 4xx: a refused login must still record the attempt.)
                if response.status_code >= 500:
                    transaction.set_rollback(True)
                return response
        finally:
            _request_user.reset(token)


def may_publish(user, obj):
    """True if ``user`` may make ``obj`` (a page or a draftable snippet) live."""
    if user is None or user.is_superuser:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if isinstance(obj, Page):
        if obj.pk:
            return obj.permissions_for_user(user).can_publish()
        parent = obj.get_parent()
        return parent is not None and (
            parent.permissions_for_user(user).can_publish_subpage()
        )
    return ModelPermissionPolicy(type(obj)).user_has_permission(user, "publish")


def _is_publish(instance):
    """True if saving ``instance`` makes it live or changes its live version.

    A new alias page is not counted: wagtail-localize creates the parents of
    a first translation (the English home page) as aliases of the live
    Polish pages, and an alias only shows a page that is already public."""
    if not instance.live:
        return False
    model = Page if isinstance(instance, Page) else type(instance)
    before = instance.pk and (
        model._default_manager.filter(pk=instance.pk)
        .values("live", "live_revision_id")
        .first()
    )
    if not before:  # a new object
        return not getattr(instance, "alias_of_id", None)
    return not before["live"] or before["live_revision_id"] != (
        instance.live_revision_id
    )


def refuse_unpermitted_publish(sender, instance, raw=False, **kwargs):
    """pre_save receiver (connected in SiteSettingsConfig.ready)."""
    if raw or not isinstance(instance, DraftStateMixin):
        return
    user = _request_user.get()
    if user is None or not getattr(user, "is_authenticated", False):
        return
    if user.is_superuser or not _is_publish(instance):
        return
    if not may_publish(user, instance):
        raise PermissionDenied(_("You may not publish this. Send it to moderation."))


def _may_publish_all_targets(user, source):
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if not may_publish(user, target):
            return False
    return True


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Update existing translations" screen without
    "Publish immediately" for anyone who may not publish every translation
    it would publish; the updated translations stay drafts."""

    def may_publish(self):
        if not hasattr(self, "_may_publish"):
            self._may_publish = _may_publish_all_targets(self.request.user, self.object)
        return self._may_publish

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        if not self.may_publish():
            form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page" only for those who may
    publish the page: an alias shows the live original at once."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
