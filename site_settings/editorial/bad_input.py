"""No 500 from what a librarian types or a tampered admin POST sends: admin
dates must lie between MIN_YEAR and MAX_YEAR (bounded form fields), and
``AdminBadInputMiddleware`` answers malformed data no admin screen sends (bad
chooser ids, broken formsets or StreamField JSON) with a 400 in the
librarian's language, logged as a warning."""

import logging

from django import forms
from django.db import DatabaseError, DataError, models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from draftjs_exporter.error import ExporterException
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

logger = logging.getLogger(__name__)

MIN_YEAR = 1900
MAX_YEAR = 2100

DATE_OUT_OF_RANGE = _("Enter a date between the years %(min)s and %(max)s.")
BAD_INPUT_MESSAGE = _(
    "The form sent data that this screen cannot read, so nothing was saved. "
    "Go back, reload the page and try again."
)


class BoundedYearMixin:
    """A date between MIN_YEAR and MAX_YEAR, or a field error."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not MIN_YEAR <= result.year <= MAX_YEAR:
            raise forms.ValidationError(
                DATE_OUT_OF_RANGE,
                code="date_out_of_range",
                params={"min": MIN_YEAR, "max": MAX_YEAR},
            )
        return result


class BoundedDateTimeField(BoundedYearMixin, forms.DateTimeField):
    pass


class BoundedDateField(BoundedYearMixin, forms.DateField):
    pass


def register_bounded_dates():
    """Every admin model form's date fields get the bounded form fields (with
    Wagtail's own widgets). Called from SiteSettingsConfig.ready()."""
    register_form_field_override(
        models.DateTimeField,
        override={
            "widget": widgets.AdminDateTimeInput,
            "form_class": BoundedDateTimeField,
        },
    )
    register_form_field_override(
        models.DateField,
        override={"widget": widgets.AdminDateInput, "form_class": BoundedDateField},
    )


# What malformed data makes the admin's forms, widgets and database raise.
MALFORMED_INPUT_ERRORS = (
    ValueError,  # int("abc"), JSONDecodeError, NUL in a PostgreSQL string
    TypeError,
    KeyError,  # MultiValueDictKeyError: formset/StreamField rows not sent
    IndexError,
    AttributeError,  # JSON of the wrong shape ("str" has no .get)
    ArithmeticError,  # OverflowError: dates and ids out of range
    RecursionError,  # JSON nested thousands deep
    DataError,  # PostgreSQL: a value the column cannot hold
    ExporterException,  # rich text naming a link or image that is not sent
)


def _is_malformed_input(exception):
    if isinstance(exception, DatabaseError) and not isinstance(exception, DataError):
        return False  # a database that is down is a real 500
    return isinstance(exception, MALFORMED_INPUT_ERRORS)


class AdminBadInputMiddleware:
    """Turns an exception caused by malformed data under the admin into a 400
    page, in the librarian's language, instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response
        from django.conf import settings

        self.prefix = getattr(settings, "ADMIN_CSP_PREFIX", "/admin/")

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path.startswith(self.prefix):
            return None
        if not _is_malformed_input(exception):
            return None
        if not (request.method == "POST" or request.GET):
            return None  # a plain GET that fails is a bug: let it be a 500
        logger.warning(
            "Malformed admin input refused (%s %s): %r",
            request.method,
            request.path,
            exception,
            exc_info=exception,
        )
        response = TemplateResponse(
            request,
            "site_settings/admin/bad_input.html",
            {"message": BAD_INPUT_MESSAGE},
            status=400,
        )
        return response.render()
