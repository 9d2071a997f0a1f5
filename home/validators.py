"""Validators shared by models of every app."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{6,25}$",
    _("Enter a phone number with digits, spaces and an optional leading +."),
)
