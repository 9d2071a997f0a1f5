"""Tags for the translation editor (templates/wagtail_localize/admin/
edit_translation.html): what a librarian who may not publish is offered,
where the translation stands and the footer's actions for each role."""

import json

from django import template
from django.urls import reverse
from wagtail.models import Page

from site_settings.admin_ui.translation_actions import footer_actions
from site_settings.editorial.moderation import (
    DRAFT,
    IN_MODERATION,
    STATE_LABELS,
    translation_states,
)
from site_settings.editorial.publishing import may_publish
from site_settings.editorial.translation_review import review_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def safe_translation_props(context, props, instance):
    """wagtail-localize's editor props for someone who may not publish
    ``instance``: no "Convert to alias page" (it shows the live Polish page
    at once) and no "Delete", so neither becomes the editor's main button."""
    user = context["request"].user
    if may_publish(user, instance):
        return props
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    data["perms"]["canDelete"] = False
    data["perms"]["canPublish"] = False
    return json.dumps(data)


@register.simple_tag(takes_context=True)
def translation_moderation(context, instance):
    """The translation's state and, for someone who may not publish it, where
    to send it to moderation."""
    user = context["request"].user
    model = Page if isinstance(instance, Page) else type(instance)
    state = translation_states(model, model.objects.filter(pk=instance.pk)).get(
        instance.pk, DRAFT
    )
    result = {
        "state": state,
        "label": STATE_LABELS[state],
        "submit_url": None,
        "reject_url": None,
    }
    kind = "page" if isinstance(instance, Page) else "organisation"
    review = review_actions(user, instance)
    if review is not None and "reject" in review["actions"]:
        result["reject_url"] = reverse(
            "review_translation", args=[kind, instance.pk, "reject"]
        )
    # The editor saves strings, not the page: a published translation may
    # hold newly translated text too, so anything not waiting is sendable.
    if not may_publish(user, instance) and state != IN_MODERATION:
        result["submit_url"] = reverse(
            "submit_translation_for_moderation", args=[kind, instance.pk]
        )
    return result


@register.simple_tag(takes_context=True)
def translation_footer(context, props, instance, moderation):
    """The translation editor's footer, by role (translation_actions.py)."""
    request = context["request"]
    return footer_actions(request, json.loads(props), instance, moderation)
