"""Wagtail's own admin strings that this project words differently in Polish.

Wagtail's Polish "Dodaj %(label)s" puts a list row's label in the nominative
("Dodaj ulica"); the project's catalog (LOCALE_PATHS, which takes precedence
over Wagtail's) answers "Dodaj: ulica" instead. The msgids are listed here so
that `makemessages` keeps them in locale/pl."""

from django.utils.translation import gettext_noop

WAGTAIL_OVERRIDES = [
    # The "add a row" button under an InlinePanel.
    gettext_noop("Add %(label)s"),
]
