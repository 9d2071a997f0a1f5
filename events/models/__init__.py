"""Models of the events section: the events page, the event page and its
rows (partnerships, organisers)."""

from .event import EventPage, EventStatus
from .index import EventIndexPage
from .rows import EventOrganiser, EventPartnership

__all__ = [
    "EventIndexPage",
    "EventOrganiser",
    "EventPage",
    "EventPartnership",
    "EventStatus",
]
