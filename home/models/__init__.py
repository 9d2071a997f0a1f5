"""Page types of the floor: the home page, plain pages and the
accessibility statement."""

from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .pages import HomePage, StandardPage

__all__ = [
    "AccessibilityStatementPage",
    "ComplianceStatus",
    "HomePage",
    "StandardPage",
]
