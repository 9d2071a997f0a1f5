"""The language filter in Wagtail's chooser modals is a form field without a
label, so Django showed its field name, "Locale", in English; it gets the
label "Język"."""

from django.utils.translation import gettext_lazy as _


def install():
    from wagtail.admin.forms.choosers import LocaleFilterMixin

    original_init = LocaleFilterMixin.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = _("Language")

    LocaleFilterMixin.__init__ = __init__
