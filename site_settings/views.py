"""Admin views of the site_settings app."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .guide import render_guide


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    """The librarians' guide (docs/poradnik.md) inside the admin."""

    page_title = _("Guide for librarians")
    header_icon = "help"
    template_name = "site_settings/admin/guide.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide_html"], context["guide_toc"] = render_guide()
        return context
