"""Only what a librarian may do is offered. In the translation editor a
translator sees the values that are the same in every language (streets, the
logo, the chosen organisations) read-only; page listings offer bulk
"Publish"/"Unpublish" only to those who publish and no bulk action at all to
a translator; the same rules refuse a request sent without the buttons."""

import json

from django.apps import apps
from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
)
from django.shortcuts import get_object_or_404
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import OverridableSegment, Translation
from wagtail_localize.views import edit_translation

from cooperation.roles import only_translates

from .publishing import may_publish

# The editor's React app renders a value whose widget it does not know as
# plain text, without "Edit", "Change image" or "Edit this image".
READ_ONLY_WIDGET = {"type": "read_only"}

PAGE_BULK_ACTIONS = {"publish", "unpublish", "move", "delete"}
PUBLISHING_BULK_ACTIONS = {"publish", "unpublish"}


def _is_in_stream(model, content_path):
    """True for a value inside a StreamField (an image or a link in the
    text), which a translator may replace; not for the model's own
    synchronised fields and rows."""
    name = content_path.split(".", 1)[0]
    try:
        return isinstance(model._meta.get_field(name), StreamField)
    except FieldDoesNotExist:
        return False


def _labels(segments):
    """{segment id: what to show} for chosen objects (an image's title, an
    organisation's name): one query per kind of object."""
    wanted = {}
    for segment in segments:
        widget = segment["location"].get("widget") or {}
        kind = widget.get("type")
        if kind == "image_chooser":
            model = apps.get_model("wagtailimages", "Image")
        elif kind == "document_chooser":
            model = apps.get_model("wagtaildocs", "Document")
        elif kind == "page_chooser":
            model = Page
        elif kind == "snippet_chooser":
            snippet = widget["snippet_model"]
            model = apps.get_model(snippet["app_label"], snippet["model_name"])
        else:
            continue
        wanted.setdefault(model, []).append(segment)
    labels = {}
    for model, group in wanted.items():
        found = model.objects.in_bulk(
            [s["value"] for s in group if str(s["value"]).isdigit()]
        )
        for segment in group:
            chosen = found.get(int(segment["value"])) if segment["value"] else None
            labels[segment["id"]] = str(chosen) if chosen is not None else "–"
    return labels


def read_only_synchronised(props, instance, user):
    """wagtail-localize's editor props with the synchronised values of
    ``instance``'s own fields and rows shown read-only, for someone who may
    not publish it (a translator)."""
    if may_publish(user, instance):
        return props
    data = json.loads(props)
    model = type(instance)
    segments = [
        segment
        for segment in data.get("segments", [])
        if segment.get("type") == "synchronised_value"
        and not _is_in_stream(model, segment.get("contentPath", ""))
    ]
    labels = _labels(segments)
    for segment in segments:
        segment["location"]["widget"] = READ_ONLY_WIDGET
        if segment["id"] in labels:
            segment["value"] = labels[segment["id"]]
    return json.dumps(data)


def edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's "change a synchronised value" API, refused to
    someone who may not publish the translation (its "revert" stays)."""
    if request.method == "PUT":
        translation = get_object_or_404(Translation, id=translation_id)
        segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = None
        model = type(target) if target is not None else None
        if target is None or (
            not may_publish(request.user, target)
            and not _is_in_stream(model, segment.context.path)
        ):
            raise PermissionDenied
    return edit_translation.edit_override(
        request, translation_id, overridable_segment_id
    )


def limits_bulk_actions(app_label, model_name):
    """True for the listings whose bulk actions depend on the user: pages."""
    return (app_label, model_name) == ("wagtailcore", "page")


def offered_bulk_actions(user, app_label, model_name):
    """The page bulk actions ``user`` is offered; None: every action."""
    if not limits_bulk_actions(app_label, model_name):
        return None
    if only_translates(user):
        return set()
    if PagePermissionPolicy().user_has_permission(user, "publish"):
        return PAGE_BULK_ACTIONS
    return PAGE_BULK_ACTIONS - PUBLISHING_BULK_ACTIONS


def refuse_unoffered_bulk_action(request, action_type, objects, action):
    """before_bulk_action: what was not offered is refused."""
    meta = action.model._meta
    offered = offered_bulk_actions(request.user, meta.app_label, meta.model_name)
    if offered is not None and action_type not in offered:
        raise PermissionDenied
