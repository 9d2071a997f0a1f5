"""Hooks of the floor: the readability hint an editor gets on saving an
easy-to-read page; documents served only once a published page links them."""

from django.contrib import messages
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail import hooks

from .documents import refuse_unpublished_document
from .models import EasyReadPage

hooks.register("before_serve_document", refuse_unpublished_document)

AVERAGE_WORDS = 10
LONGEST_WORDS = 15


def readability_message(counts):
    """The hint, and whether it is a warning (the text is not easy enough)."""
    text = _(
        "Readability: %(sentences)s sentences, %(average)s words on average, "
        "the longest %(longest)s words."
    ) % {**counts, "average": number_format(counts["average"], 1)}
    warning = counts["average"] > AVERAGE_WORDS or counts["longest"] > LONGEST_WORDS
    if warning:
        text += " " + _(
            "Easy-to-read text needs sentences of about %(average)s words "
            "and none longer than %(longest)s."
        ) % {"average": AVERAGE_WORDS, "longest": LONGEST_WORDS}
    if counts["long_words"]:
        text += " " + _("Long words to replace or explain: %(words)s.") % {
            "words": ", ".join(counts["long_words"][:10])
        }
    return text, warning


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def easy_read_hint(request, page):
    page = page.specific
    if not isinstance(page, EasyReadPage):
        return
    text, warning = readability_message(page.readability())
    (messages.warning if warning else messages.info)(request, text)
