"""Lists that apps above the floor add to pages below them.

A page here (the home page) or in `cooperation` (a partnership) shows what
later areas hold (events, news) without importing them: each area registers
a function with Wagtail's hooks under ``PAGE_SECTIONS``, and the page's
template renders ``{% page_sections page %}``. The same way an area names
the feeds a page offers (``PAGE_FEEDS``), which every page's head links
with ``rel="alternate"``."""

from dataclasses import dataclass, field

from wagtail import hooks

PAGE_SECTIONS = "page_sections"
PAGE_FEEDS = "page_feeds"


@dataclass
class Section:
    """One block of a page: ``template`` rendered with ``context`` (plus the
    page and the request), placed by ``order``, lowest first."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def sections_for(page, request):
    """The sections every registered hook gives ``page``, in their order.
    A hook takes ``(page, request)`` and returns a Section or None."""
    found = [hook(page, request) for hook in hooks.get_hooks(PAGE_SECTIONS)]
    return sorted((s for s in found if s is not None), key=lambda s: s.order)


@dataclass
class Feed:
    """A feed a page offers: its address, media type and title."""

    url: str
    media_type: str
    title: str


def feeds_for(page, request):
    """The feeds every registered hook gives ``page``: a hook takes ``(page,
    request)`` and returns a list of Feeds (or nothing)."""
    return [
        feed
        for hook in hooks.get_hooks(PAGE_FEEDS)
        for feed in (hook(page, request) or ())
    ]
