"""Models of the cooperation section, split into snippets and pages."""

from .pages import (
    CooperationPage,
    PartnerDirectoryPage,
    PartnershipFormerName,
    PartnershipIndexPage,
    PartnershipMembership,
    PartnershipPage,
    PartnershipPlace,
    PartnershipStreet,
)
from .snippets import PartnerOrganization, Sector

__all__ = [
    "CooperationPage",
    "PartnerDirectoryPage",
    "PartnerOrganization",
    "PartnershipFormerName",
    "PartnershipIndexPage",
    "PartnershipMembership",
    "PartnershipPage",
    "PartnershipPlace",
    "PartnershipStreet",
    "Sector",
]
