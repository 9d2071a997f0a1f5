"""wagtail-localize's note under a translated segment ("Translated manually on
27 November 2026") dated in the admin's language ("27 listopada 2026"), with
Django's localised date instead of `strftime`; the editor's "last published"
date becomes numeric (27.11.2026)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def comment_with_local_date(string_translation):
    date = formats.date_format(
        timezone.localtime(string_translation.updated_at), "j E Y"
    )
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if (
        string_translation.translation_type
        == string_translation.TRANSLATION_TYPE_MACHINE
    ):
        return _("Machine translated on {date}").format(date=date)
    return _("Translated manually on {date}").format(date=date)


def install():
    from wagtail_localize.models import StringTranslation
    from wagtail_localize.views import edit_translation

    StringTranslation.get_comment = comment_with_local_date
    edit_translation.DATE_FORMAT = "%d.%m.%Y"
