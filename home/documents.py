"""Who gets a document file. A document is public once a live, public page
links it (a partnership's list, a link in a page's text): Wagtail's
reference index says which pages do. Until then, and again once no published
page links it, only librarians (admin access) get it; everyone else gets the
site's 404, so a file uploaded for a draft does not leak before the page is
published."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex


def published_pages_linking(document):
    """The live, public pages whose published version links ``document``."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    return (
        Page.objects.live()
        .public()
        .filter(pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)])
    )


def refuse_unpublished_document(document, request):
    """``before_serve_document`` hook: see the module."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not published_pages_linking(document).exists():
        raise Http404(_("This document is not published."))
    return None
