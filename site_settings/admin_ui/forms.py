"""The admin's sign-in form in Polish.

Wagtail's form gives the password field no label (Django then shows the
field name, "Password") and builds the username placeholder as "Enter your
<field name>", which Polish cannot inflect ("Wpisz nazwa użytkownika")."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your username")
        self.fields["password"].label = _("Password")
