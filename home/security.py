"""Security middleware for every response Django serves: a 404 for paths no
database can store (before any query), the headers Django's SecurityMiddleware
and Permissions-Policy set, also on responses that skip it, and django-csp's
policy widened for the Wagtail admin only."""

import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import Http404

# C0 controls and DEL; "%" followed by a byte that is not valid UTF-8 is how
# Django's WSGI handler keeps undecodable bytes (repercent_broken_unicode).
UNSTORABLE = re.compile(r"[\x00-\x1f\x7f]|[\ud800-\udfff]")
BROKEN_BYTE = re.compile(r"%[89a-fA-F][0-9a-fA-F]")


def is_unstorable_path(path):
    """True for a path a database cannot store or a page cannot have."""
    return bool(UNSTORABLE.search(path) or BROKEN_BYTE.search(path))


class UnstorablePathMiddleware:
    """An address with a NUL byte, another control character or bytes that
    are not UTF-8 is the site's 404 page (handler404) without a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_unstorable_path(request.path_info):
            raise Http404
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Sets headers no response should be without, when a view or a later
    middleware has not set them already."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        headers = {
            "Permissions-Policy": settings.PERMISSIONS_POLICY,
            "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Opener-Policy": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
        }
        for name, value in headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


class PathCSPMiddleware(CSPMiddleware):
    """The site's policy everywhere; the admin gets the few additions its
    editors need (inline style attributes, blob: previews), and only there."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        prefix = getattr(settings, "ADMIN_CSP_PREFIX", None)
        extra = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY_UPDATE", None)
        if not report_only and prefix and extra and request.path.startswith(prefix):
            update = dict(parts.update or {})
            for directive, sources in extra.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts
