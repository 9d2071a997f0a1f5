"""The translation editor's footer, one main button per role: a translator
sends the translation to moderation, a moderator approves and publishes it
(or sends it back) while it waits, and publishes it otherwise. What cannot
be undone with one click (stop synchronising, convert to an alias, delete,
lock, unpublish) is only ever in the menu beside the main button.

wagtail-localize's own footer (compiled React) makes its last action the
main button, which for a translator is "Stop Synced translation"; the
template hides it and renders this one from the same props."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..editorial.moderation import IN_MODERATION
from ..editorial.publishing import may_publish
from ..editorial.translation_review import review_actions


def _post(label, url, icon, name="", value=""):
    return {
        "method": "post",
        "label": label,
        "url": url,
        "icon": icon,
        "name": name,
        "value": value,
    }


def _link(label, url, icon):
    return {"method": "get", "label": label, "url": url, "icon": icon}


def _kind(instance):
    return "page" if isinstance(instance, Page) else "organisation"


def _main_action(request, props, instance, moderation):
    review = review_actions(request.user, instance)
    if review is not None and "approve" in review["actions"]:
        return _post(
            _("Approve and publish"),
            reverse(
                "review_translation", args=[_kind(instance), instance.pk, "approve"]
            ),
            "success",
        )
    if props["perms"]["canPublish"] and may_publish(request.user, instance):
        return _post(
            _("Publish the translation (%(language)s)")
            % {"language": props["locale"]["displayName"]},
            request.path,
            "upload",
            name="action",
            value="publish",
        )
    if moderation["submit_url"]:
        return _post(_("Send to moderation"), moderation["submit_url"], "resubmit")
    if moderation["state"] == IN_MODERATION:
        return {"method": "none", "label": _("Waiting for a moderator")}
    return None


def _more_actions(request, props, instance, moderation):
    perms, links = props["perms"], props["links"]
    is_locked = props["object"].get("isLocked")
    actions = []
    review = review_actions(request.user, instance)
    if review is not None and "reject" in review["actions"]:
        actions.append(_link(_("Request changes"), "#translation-review", "edit"))
    if perms.get("canUnpublish") and links.get("unpublishUrl"):
        actions.append(_link(_("Unpublish"), links["unpublishUrl"], "download"))
    if perms.get("canLock") and not is_locked and links.get("lockUrl"):
        actions.append(_post(_("Lock"), links["lockUrl"], "lock"))
    if perms.get("canUnlock") and is_locked and links.get("unlockUrl"):
        actions.append(_post(_("Unlock"), links["unlockUrl"], "lock-open"))
    actions.append(
        _post(
            _("Stop synced translation"),
            links["stopTranslationUrl"],
            "cross",
        )
    )
    if links.get("convertToAliasUrl") and may_publish(request.user, instance):
        actions.append(
            _link(
                _("Convert to alias page"),
                f"{links['convertToAliasUrl']}?next={request.path}",
                "wagtail-localize-convert",
            )
        )
    if perms.get("canDelete") and links.get("deleteUrl"):
        actions.append(_link(_("Delete"), links["deleteUrl"], "bin"))
    return actions


def footer_actions(request, props, instance, moderation):
    """{"main": action or None, "more": [action], "preview_url": url or
    None}; an action is a dict with "method" ("post", "get" or "none"),
    "label", "url", "icon" and, for a POST, the button's name and value."""
    previews = props.get("previewModes") or []
    return {
        "main": _main_action(request, props, instance, moderation),
        "more": _more_actions(request, props, instance, moderation),
        "preview_url": previews[0]["url"] if previews else None,
    }
