"""Page types of the floor: the home page, plain pages, the accessibility
statement and the easy-to-read and sign-language pages it names."""

from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .easy_read import EasyReadPage
from .pages import HomePage, StandardPage
from .sign_language import SignLanguagePage, SignLanguageRecording

__all__ = [
    "AccessibilityStatementPage",
    "ComplianceStatus",
    "EasyReadPage",
    "HomePage",
    "SignLanguagePage",
    "SignLanguageRecording",
    "StandardPage",
]
