"""Models of the cooperation section, one module per topic: shared choices,
the logo mixin, partner organisations (a snippet), the partnership page, its
rows and documents, and the section pages."""

from .choices import MonthChoices, PlaceKind, Sector, StreetType
from .documents import DocumentLanguage, PartnershipDocument
from .organizations import PartnerOrganization
from .partnership import PartnershipPage
from .rows import (
    PartnershipFormerName,
    PartnershipMembership,
    PartnershipPlace,
    PartnershipStreet,
)
from .sections import CooperationPage, PartnerDirectoryPage, PartnershipIndexPage

__all__ = [
    "CooperationPage",
    "DocumentLanguage",
    "MonthChoices",
    "PartnerDirectoryPage",
    "PartnerOrganization",
    "PartnershipDocument",
    "PartnershipFormerName",
    "PartnershipIndexPage",
    "PartnershipMembership",
    "PartnershipPage",
    "PartnershipPlace",
    "PartnershipStreet",
    "PlaceKind",
    "Sector",
    "StreetType",
]
