# Varnish 7 in front of the site (README: "Varnish"), between the TLS proxy
# (nginx) and gunicorn. Pages are kept by the site itself, in the cache all
# application servers share (home/cache.py), and say that nobody else may
# keep them (Cache-Control: max-age=0, no-cache): Varnish keeps what the
# headers allow, which is static files, and passes the rest on every time.
# tests/test_varnish.py runs this file in a real varnishd.
#
# varnishd -a 127.0.0.1:6081 -p vcl_path=/etc/varnish \
#     -f /srv/biblioteka/config/varnish/default.vcl -s malloc,256m
vcl 4.1;

# Where the application servers are: backend.vcl from vcl_path
# (/etc/varnish; made from backend.example.vcl), so this file is the same on
# every machine.
include "backend.vcl";

sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, and anyone logged in or with a form open: always the site
    # itself, with their cookies.
    if (req.url ~ "^/admin(/|$|\?)" || req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie means nothing to the site, nor does the browser's
    # language (the address says it: Polish unprefixed, English under /en/);
    # without them the site's own cache keeps one copy of each page.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Only what the site allows a shared cache to keep for some time (static
    # files); anything else (every page) is fetched every time rather than
    # kept for Varnish's default 2 minutes.
    if (beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}
