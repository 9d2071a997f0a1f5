"""Tags for the admin templates that offer only what a librarian may do
(site_settings/editorial/offered_actions.py): the translation editor's
read-only synchronised values, the page listings' bulk actions."""

from django import template
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices

from home.i18n import memoise
from site_settings.editorial.offered_actions import (
    limits_bulk_actions,
    offered_bulk_actions,
    read_only_synchronised,
)

register = template.Library()


def _action(button):
    """The action type a bulk action button's address ends with."""
    return (getattr(button, "url", None) or "").rstrip("/").rsplit("/", 1)[-1]


def _offered(context, app_label, model_name):
    """offered_bulk_actions, once a request: every row's checkbox asks.
    Listings other than pages (images, snippets) keep all their actions."""
    request = context.get("request")
    if request is None or not limits_bulk_actions(app_label, model_name):
        return None
    return memoise(
        request,
        ("offered_bulk_actions", app_label, model_name),
        lambda: offered_bulk_actions(request.user, app_label, model_name),
    )


@register.simple_tag(takes_context=True)
def read_only_synchronised_props(context, props, instance):
    return read_only_synchronised(props, instance, context["request"].user)


@register.simple_tag(takes_context=True)
def offers_bulk_actions(context, app_label, model_name):
    """False when ``model_name``'s listing offers the user no bulk action."""
    offered = _offered(context, app_label, model_name)
    return offered is None or bool(offered)


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def offered_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons, only those the user is offered."""
    choices = bulk_action_choices(context, app_label, model_name)
    offered = _offered(context, app_label, model_name)
    if offered is not None:
        choices["buttons"] = [
            button for button in choices["buttons"] if _action(button) in offered
        ]
    return choices
