"""Admin forms that stop an editor from saving contradictory data."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .text import fold


def _live_forms(formset):
    """The inline forms that will be saved: valid, filled in, not deleted."""
    for form in formset.forms:
        if not form.is_valid() or not form.has_changed() and not form.instance.pk:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        yield form


class PartnershipPageForm(WagtailAdminPageForm):
    """Refuses duplicate streets and organisations listed twice, with a
    message on the row that repeats."""

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_duplicates(
            "streets",
            key=lambda data: (data.get("street_type"), fold(data.get("name", ""))),
            field="name",
            message=_("This street is already on the list."),
        )
        self._refuse_duplicates(
            "members",
            key=lambda data: getattr(data.get("organization"), "translation_key", None),
            field="organization",
            message=_("This organisation is already on the list."),
        )
        return cleaned_data

    def _refuse_duplicates(self, relation, key, field, message):
        formset = self.formsets.get(relation)
        if formset is None:
            return
        seen = set()
        duplicates = False
        for form in _live_forms(formset):
            value = key(form.cleaned_data)
            if value in seen:
                form.add_error(field, message)
                duplicates = True
            seen.add(value)
        if duplicates:
            self.add_error(None, message)
