"""Choices and limits shared by the cooperation section's models: months,
street types, kinds of place, sectors of organisations."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

FIRST_FOUNDING_YEAR = 1990


def current_year():
    return datetime.date.today().year


class MonthChoices(models.IntegerChoices):
    JANUARY = 1, _("January")
    FEBRUARY = 2, _("February")
    MARCH = 3, _("March")
    APRIL = 4, _("April")
    MAY = 5, _("May")
    JUNE = 6, _("June")
    JULY = 7, _("July")
    AUGUST = 8, _("August")
    SEPTEMBER = 9, _("September")
    OCTOBER = 10, _("October")
    NOVEMBER = 11, _("November")
    DECEMBER = 12, _("December")


class StreetType(models.TextChoices):
    STREET = "ulica", _("street (ul.)")
    AVENUE = "aleja", _("avenue (al.)")
    SQUARE = "plac", _("square (pl.)")
    EMBANKMENT = "wybrzeze", _("embankment (Wybrzeże)")
    ROUTE = "trasa", _("route (Trasa)")
    ROUNDABOUT = "rondo", _("roundabout (rondo)")


STREET_ABBREVIATIONS = {"ulica": "ul.", "aleja": "al.", "plac": "pl.", "rondo": "rondo"}


class PlaceKind(models.TextChoices):
    ESTATE = "estate", _("housing estate")
    PARK = "park", _("park or green area")
    LANDMARK = "landmark", _("landmark")


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public institution")
    SCHOOL = "school", _("School or educational institution")
    CULTURE = "culture", _("Culture")
    NGO = "ngo", _("Non-governmental organisation")
    BUSINESS = "business", _("Business")
    RESIDENTS = "residents", _("Residents' group")
    FAITH = "faith", _("Faith community")
    OTHER = "other", _("Other")
