"""Admin forms that stop an editor from saving contradictory data, and show
organisation choosers in the language of the page being edited."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.snippets.widgets import AdminSnippetChooser

from home.text import fold


class LocaleSnippetChooser(AdminSnippetChooser):
    """A snippet chooser that opens filtered to one language (the librarian
    can still pick "All" in the chooser's language filter)."""

    def __init__(self, model=None, locale_code=None, **kwargs):
        self.locale_code = locale_code
        super().__init__(model, **kwargs)

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        if self.locale_code:
            return f"{url}?{urlencode({'locale': self.locale_code})}"
        return url


def _page_locale_code(form):
    """The language of the page being edited (a new page takes its parent's)."""
    for page in (form.instance, getattr(form, "parent_page", None)):
        if page is not None and getattr(page, "locale_id", None):
            return page.locale.language_code
    return None


def _localize_chooser(form, field_name, locale_code):
    field = form.fields.get(field_name)
    if field is not None and isinstance(field.widget, AdminSnippetChooser):
        field.widget = LocaleSnippetChooser(
            field.widget.model, locale_code=locale_code, attrs=field.widget.attrs
        )


class LocalizedChoosersMixin:
    """Organisation choosers (top-level fields and inline rows, including the
    blank row the "Add" button copies) open on the page's own language, so a
    Polish page is not given an English organisation by mistake."""

    localized_choosers = ()  # top-level fields
    localized_inline_choosers = {}  # relation name -> field name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_code = _page_locale_code(self)
        if not locale_code:
            return
        for field_name in self.localized_choosers:
            _localize_chooser(self, field_name, locale_code)
        for relation, field_name in self.localized_inline_choosers.items():
            formset = self.formsets.get(relation)
            if formset is None:
                continue
            add_fields = formset.add_fields

            def localized_add_fields(
                form, index, add_fields=add_fields, name=field_name
            ):
                add_fields(form, index)
                _localize_chooser(form, name, locale_code)

            # Every row built from now on, and the empty row template, passes
            # through add_fields; rows built before are localised here.
            formset.add_fields = localized_add_fields
            for form in formset.forms:
                _localize_chooser(form, field_name, locale_code)

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_other_languages()
        return cleaned_data

    def _refuse_other_languages(self):
        """The chooser only opens on the page's language; a tampered POST (or
        "All" in the chooser) could still send an organisation of another
        language. Refused when newly chosen; rows saved before are left as
        they are (a translation may point at an original until it has its own
        copy)."""
        locale_id = _page_locale_id(self)
        if not locale_id:
            return
        for field_name in self.localized_choosers:
            chosen = self.cleaned_data.get(field_name)
            if field_name in self.changed_data and _other_language(chosen, locale_id):
                self.add_error(field_name, OTHER_LANGUAGE_MESSAGE)
        for relation, field_name in self.localized_inline_choosers.items():
            formset = self.formsets.get(relation)
            refused = False
            for form in _live_forms(formset) if formset is not None else ():
                chosen = form.cleaned_data.get(field_name)
                if field_name in form.changed_data and _other_language(
                    chosen, locale_id
                ):
                    form.add_error(field_name, OTHER_LANGUAGE_MESSAGE)
                    refused = True
            if refused:
                self.add_error(None, OTHER_LANGUAGE_MESSAGE)


OTHER_LANGUAGE_MESSAGE = _(
    "This organisation is in another language than the page. Choose its "
    "version in the page's language."
)


def _page_locale_id(form):
    for page in (form.instance, getattr(form, "parent_page", None)):
        if page is not None and getattr(page, "locale_id", None):
            return page.locale_id
    return None


def _other_language(chosen, locale_id):
    return chosen is not None and getattr(chosen, "locale_id", locale_id) != locale_id


class PartnershipIndexPageForm(LocalizedChoosersMixin, WagtailAdminPageForm):
    localized_choosers = ("coordinator",)


def _live_forms(formset):
    """The inline forms that will be saved: valid, filled in, not deleted."""
    for form in formset.forms:
        if not form.is_valid() or not form.has_changed() and not form.instance.pk:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        yield form


class PartnershipPageForm(LocalizedChoosersMixin, WagtailAdminPageForm):
    """Refuses duplicate streets and organisations listed twice, with a
    message on the row that repeats."""

    localized_inline_choosers = {"members": "organization"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        streets = self.formsets.get("streets")
        if streets is not None:
            # Instead of Django's "Proszę wysłać co najmniej 1 formularz."
            streets.error_messages["too_few_forms"] = _("Add at least one street.")

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
