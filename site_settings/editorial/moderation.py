"""Finished translations go to a moderator: from the translations list a
translator, who may not "Publish in …", sends a translation to the moderation
workflow (`SubmitTranslationView`); the list shows where each translation
stands (`translation_states`)."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views import View
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, WorkflowState

from cooperation.models import PartnerOrganization

from ..admin_ui.translation_status import out_of_date

DRAFT = "draft"
IN_MODERATION = "in_moderation"
CHANGES_REQUESTED = "changes_requested"
PUBLISHED = "published"

# A context of their own, so they do not change Wagtail's "Draft"/"Published".
STATE_LABELS = {
    DRAFT: pgettext_lazy("translation state", "Draft"),
    IN_MODERATION: pgettext_lazy("translation state", "In moderation"),
    CHANGES_REQUESTED: pgettext_lazy("translation state", "Changes requested"),
    PUBLISHED: pgettext_lazy("translation state", "Published"),
}
OUT_OF_DATE_LABEL = pgettext_lazy("translation state", "Out of date")


def _workflow_states(model, pks):
    """{pk as string: status} of the objects' active workflows."""
    base = Page if issubclass(model, Page) else model
    rows = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(base),
        object_id__in=[str(pk) for pk in pks],
    )
    return dict(rows.values_list("object_id", "status"))


def translation_states(model, queryset):
    """{pk: state} of translated pages or organisations: in moderation or
    sent back, else published (live, nothing newer) or draft."""
    rows = list(queryset.values_list("pk", "live", "has_unpublished_changes"))
    workflows = _workflow_states(model, [row[0] for row in rows])
    states = {}
    for pk, live, changes in rows:
        workflow = workflows.get(str(pk))
        if workflow == WorkflowState.STATUS_IN_PROGRESS:
            states[pk] = IN_MODERATION
        elif workflow == WorkflowState.STATUS_NEEDS_CHANGES:
            states[pk] = CHANGES_REQUESTED
        elif live and not changes:
            states[pk] = PUBLISHED
        else:
            states[pk] = DRAFT
    return states


def out_of_date_keys():
    """{(translation key, locale id)} of enabled translations whose Polish
    source changed since the last sync or that have untranslated strings;
    all decided at once, in a fixed number of queries."""
    return {
        (translation.source.object_id, translation.target_locale_id)
        for translation, *_rest in out_of_date()
    }


def translated_object(kind, pk):
    if kind == "page":
        page = Page.objects.filter(pk=pk).first()
        return page.specific if page else None
    if kind == "organisation":
        return PartnerOrganization.objects.filter(pk=pk).first()
    return None


def _may_submit(user, obj):
    if obj.locale_id == Locale.get_default().pk:
        return False  # only translations are submitted from here
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return user.has_perm("cooperation.change_partnerorganization")


def save_translation_draft(translation, user):
    """A new revision of the translated object with the translation's current
    strings, leaving what is live untouched.

    wagtail-localize's `save_target(publish=False)` saves the object's row
    itself, which for a live page or organisation *is* the live content (and
    sets an organisation's `live` to False): a translator would change the
    live site. Here the strings are put into the object in memory
    (``get_ephemeral_translated_instance``, as wagtail-localize's preview does)
    and only a revision is saved, as Wagtail's editor saves a draft."""
    target = translation.source.get_ephemeral_translated_instance(
        translation.target_locale
    )
    if isinstance(target, Page):
        # As wagtail-localize does: a translated slug made valid and unique.
        target.slug = find_available_slug(
            target.get_parent(), slugify(target.slug), ignore_page_id=target.pk
        )
    return target.save_revision(user=user, log_action=True)


class SubmitTranslationView(View):
    """POST: save the translation's current strings as a draft and send it
    to the moderation workflow. The translation stays unpublished until a
    moderator approves it."""

    def post(self, request, kind, pk):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        obj = translated_object(kind, pk)
        if obj is None:
            raise Http404
        if not _may_submit(request.user, obj):
            raise PermissionDenied
        name = str(obj)
        error = self._submit(request.user, obj)
        if error:
            messages.error(request, error)
        else:
            messages.success(
                request,
                _("'%(name)s' was sent to moderation. A moderator will publish it.")
                % {"name": name},
            )
        return redirect(
            get_valid_next_url_from_request(request) or reverse("translation_queue")
        )

    @staticmethod
    def _submit(user, obj):
        """Start (or resume) the workflow; an error message, or None."""
        from wagtail_localize.models import (
            MissingRelatedObjectError,
            MissingTranslationError,
            Translation,
        )

        workflow = obj.get_workflow()
        if workflow is None:
            return _(
                "No moderation workflow covers '%(name)s'. Ask the administrator "
                "to add it to the workflow."
            ) % {"name": obj}
        state = obj.current_workflow_state
        if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
            return _("'%(name)s' is already waiting for a moderator.") % {"name": obj}
        translation = (
            Translation.objects.filter(
                source__object_id=obj.translation_key,
                target_locale_id=obj.locale_id,
                enabled=True,
            )
            .select_related("source")
            .first()
        )
        if translation is not None:
            total, translated = translation.get_progress()
            if translated < total:
                return ngettext(
                    "'%(name)s' is not finished: %(count)d text is not translated yet.",
                    "'%(name)s' is not finished: %(count)d texts are not "
                    "translated yet.",
                    total - translated,
                ) % {"name": obj, "count": total - translated}
            try:
                save_translation_draft(translation, user)
            except ValidationError as error:
                return _("'%(name)s' could not be saved: %(error)s") % {
                    "name": obj,
                    "error": "; ".join(error.messages),
                }
            except (MissingTranslationError, MissingRelatedObjectError):
                return _(
                    "'%(name)s' uses a page or an organisation that is not "
                    "translated yet. Translate that first."
                ) % {"name": obj}
            obj.refresh_from_db()
        elif obj.get_latest_revision() is None:
            obj.save_revision(user=user)
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        else:
            workflow.start(obj, user)
        return None
