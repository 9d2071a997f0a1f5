"""Lists that apps above the floor add to pages below them.

A page here (the home page) or in `cooperation` (a partnership) shows what
later areas hold (events, news) without importing them: each area registers
a function with Wagtail's hooks under ``PAGE_SECTIONS``, and the page's
template renders ``{% page_sections page %}``."""

from dataclasses import dataclass, field

from wagtail import hooks

PAGE_SECTIONS = "page_sections"


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
