"""Wagtail's own admin strings that this project words in Polish itself.

Two kinds: Wagtail 8 strings its Polish catalog does not have yet (the
librarian would see English in the middle of a Polish screen), and strings
whose Polish reads wrongly with this project's labels: Wagtail's "Dodaj
%(label)s" and "Wybierz %(object)s" put a noun in the nominative ("Dodaj
ulica"), so the project answers "Dodaj: ulica".

The project's catalog (LOCALE_PATHS) takes precedence over Wagtail's. The
msgids are listed here, never called, so that `makemessages` keeps them in
locale/pl; the Polish is in the issue-5 fragment of locale/pl/.
Strings shown by Wagtail's JavaScript (djangojs) cannot be overridden here.
"""

from django.utils.translation import gettext_noop, ngettext

WAGTAIL_OVERRIDES = [
    # The "add a row" button under an InlinePanel, and snippet choosers.
    gettext_noop("Add %(label)s"),
    gettext_noop("Add %(model_name)s"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
    gettext_noop("Edit this %(object)s"),
    # Missing from Wagtail 8.0's Polish catalog: the page editor's errors,
    # autosave and concurrent-editing notices.
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Go to the first error"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("View latest version"),
    gettext_noop("Currently idle"),
    gettext_noop("Compare"),
]


def _dashboard_summary(count):
    """The dashboard's image and document counters (never called)."""
    return [
        ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ),
        ngettext(
            '%(total)s Document <span class="w-sr-only">created in '
            "%(site_name)s</span>",
            '%(total)s Documents <span class="w-sr-only">created in '
            "%(site_name)s</span>",
            count,
        ),
    ]
