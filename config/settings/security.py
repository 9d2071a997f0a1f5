"""Security hardening shared by every environment (issue 12): the
Content-Security-Policy, the headers every response carries, login
throttling (django-axes) and admin sessions. Imported at the end of base.py;
production.py adds HTTPS and HSTS (`https_settings`), which need a real
certificate in front of the site.

Header set on every response Django serves (pages, admin, JSON feeds, media
served by Django): Content-Security-Policy, Permissions-Policy,
Referrer-Policy, X-Content-Type-Options, X-Frame-Options,
Cross-Origin-Opener-Policy; in production also Strict-Transport-Security.
"""

from csp.constants import NONE, SELF

# Content-Security-Policy (django-csp 4). Public pages load nothing but the
# site's own files: no inline script or style, no nonces (a cached page would
# reuse one), no third parties. Images may be data: URIs (Wagtail's
# placeholder logos and the admin's previews).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "frame-src": [SELF],
    }
}
# What the Wagtail admin needs on top, and only under /admin/ (see
# home.security.PathCSPMiddleware), as measured in Chromium by
# tests/browser/test_csp.py: Wagtail 8's templates contain inline <script>
# blocks whose text changes from page to page (so no hash fits) and that
# carry no nonce, its widgets set inline `style` attributes, and image
# previews use blob: URLs. Only signed-in librarians reach these pages; the
# public site keeps the strict policy above.
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "media-src": ["blob:"],
}

# Headers that no browser feature of the site needs switched on.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
    "usb=(), xr-spatial-tracking=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# X-Frame-Options stays Django's "DENY"; Wagtail's preview views allow their
# own frame (xframe_options_sameorigin), and CSP frame-ancestors says 'self'.

# Login throttling (django-axes 8): after AXES_FAILURE_LIMIT failed logins for
# one account from one address, that pair is locked out for AXES_COOLOFF_TIME
# hours; the admin login form says so in Polish
# (site_settings.admin_extras.lockout). Moderators unlock under
# Settings → "Login lock-outs". Every attempt is logged (AccessLog, and the
# "axes" logger).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "site_settings.admin_extras.lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The socket's address; behind the proxy (production) the address the proxy
# puts in X-Forwarded-For, see https_settings(). A client-sent header is
# never trusted without a proxy, or a bot could pick a new address per try.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_SENSITIVE_PARAMETERS = ["password"]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account before the password hash is computed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin sessions end after a working day without activity (8 hours, renewed by
# every request) and when the browser closes is not relied upon.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Images: logos and photos need no more than 24 megapixels (6000×4000, a
# full-frame camera's photo). Decoding one takes ~100 MB; the 40 MP default
# let a 155 KB PNG of 6320×6320 take a worker to 490 MB (see
# tests/test_security_images.py for the measured ceiling).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000


def env_flag(environ, name, default):
    value = environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def https_settings(environ, https=True):
    """HTTPS redirect and HSTS for production, from the environment.

    - DJANGO_SECURE_HSTS_SECONDS: HSTS max-age, one year by default. Start a
      new domain with 300 (five minutes), check every subdomain serves HTTPS,
      then raise it to 31536000.
    - DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS, DJANGO_SECURE_HSTS_PRELOAD: on by
      default ("preload" only allows listing; listing is a separate request).
    - DJANGO_SECURE_SSL_REDIRECT: on by default; the proxy must send
      X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER), or every request redirects.
    - DJANGO_PROXY_COUNT: how many proxies add to X-Forwarded-For (1 by
      default); login throttling counts by the address they report.

    `https` is whether the public address (WAGTAILADMIN_BASE_URL) is https:
    a plain-http trial (`make serve` on 127.0.0.1) gets neither the redirect
    nor HSTS unless the variables ask for them.
    """
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
        "AXES_IPWARE_PROXY_COUNT": int(
            environ.get("DJANGO_PROXY_COUNT", "").strip() or 1
        ),
        "SECURE_SSL_REDIRECT": env_flag(environ, "DJANGO_SECURE_SSL_REDIRECT", https),
        # A load balancer's health check may come over plain HTTP.
        "SECURE_REDIRECT_EXEMPT": [r"^healthz/?$"],
        "SECURE_HSTS_SECONDS": int(
            environ.get("DJANGO_SECURE_HSTS_SECONDS", "").strip()
            or (31_536_000 if https else 0)
        ),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": env_flag(
            environ, "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True
        ),
        "SECURE_HSTS_PRELOAD": env_flag(environ, "DJANGO_SECURE_HSTS_PRELOAD", True),
    }
