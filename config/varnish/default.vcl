# Varnish 7 in front of the site (README: "A proxy or CDN in front"), between
# the TLS proxy (nginx) and gunicorn. It keeps what the site says a shared
# cache may keep (Cache-Control: public, s-maxage from home/page_cache.py;
# max-age on static files) for anonymous GET and HEAD, and forgets an address
# when the site sends PURGE for it (wagtail.contrib.frontend_cache's
# HTTPBackend, with DJANGO_FRONTEND_CACHE_URL pointing at the "purge"
# listener). tests/test_varnish.py runs this file in a real varnishd.
#
# varnishd -a 127.0.0.1:6081 -a purge=127.0.0.1:6091 \
#     -p vcl_path=/etc/varnish -f /srv/biblioteka/config/varnish/default.vcl \
#     -s malloc,256m
vcl 4.1;

# Where the application servers are: backend.vcl from vcl_path
# (/etc/varnish; made from backend.example.vcl) defines the backend and the
# acl app_servers, so this file is the same on every machine.
include "backend.vcl";

# Who may purge: an application server on this machine (loopback) or one
# named in backend.vcl.
acl loopback {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # PURGE is accepted only on the listener named "purge", from an
    # application server.
    # Not on the public listener: behind nginx on the same machine, every
    # visitor's request arrives from 127.0.0.1.
    if (req.method == "PURGE") {
        if (local.socket != "purge"
            || !(client.ip ~ loopback || client.ip ~ app_servers)) {
            return (synth(405, "Not allowed"));
        }
        # Every variant (Vary) of the address on this Host, as Wagtail
        # sends it: the page's own Host and path.
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, and anyone logged in or with a form open (a librarian may
    # see the user bar, drafts or restricted pages): always the site itself.
    if (req.url ~ "^/admin(/|$|\?)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie means nothing to the site's pages.
    unset req.http.Cookie;
    # Nor does the browser's language: unprefixed addresses are always
    # Polish, English lives under /en/. The site still says
    # "Vary: Accept-Language" (Django's LocaleMiddleware), and every browser
    # sends another value: kept, it would mean one copy per browser setting.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the site allows a shared cache to keep for some time;
    # a response without s-maxage or max-age (a search with a query, a
    # form) is fetched every time rather than kept for Varnish's default
    # 2 minutes, where no purge would reach it. The built-in code that
    # follows refuses private, no-cache, no-store and Set-Cookie.
    if (beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}
