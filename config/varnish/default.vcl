# Varnish 7 in front of the site (README: "Varnish"), between the TLS proxy
# (nginx) and gunicorn. Pages are kept by the site itself, in the cache all
# application servers share (home/cache.py), and say that nobody else may
# keep them (Cache-Control: max-age=0, no-cache). Varnish:
# - keeps static files as their headers allow;
# - fetches every page from a server while one is healthy, keeping the last
#   copy of each only for when none is (grace): then visitors get that copy;
# - tries a failed GET or HEAD once more on the other server, then serves
#   the kept copy of a page that no server could give;
# - forgets its copies of pages, under every host name, on the site's BAN.
# tests/test_varnish.py and tests/test_varnish_failover.py run this file in
# a real varnishd.
#
# varnishd -a 127.0.0.1:6081 -p vcl_path=/etc/varnish \
#     -f /srv/biblioteka/config/varnish/default.vcl -s malloc,256m
vcl 4.1;

import std;

# Where the application servers are, their probe, the director and the
# "purgers" ACL: backend.vcl from vcl_path (/etc/varnish; made from
# backend.example.vcl), so this file is the same on every machine.
include "backend.vcl";

sub vcl_recv {
    # Marks a page's first try (below); a restart is the second.
    unset req.http.X-First-Try;
    # A change on the site: no copy of any page is served again, whichever
    # host name it was asked under (static files stay).
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Page-Copy == 1");
        return (synth(200, "Pages banned"));
    }
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
    # While a server is healthy, a page's kept copy is never served (grace
    # 0): every request goes to the site, side by side (no queueing behind
    # another request for the same page). After a failed first try (restart
    # in vcl_synth) or with every server sick, the kept copy is served.
    if (req.restarts == 0) {
        set req.http.X-First-Try = "1";
        if (std.healthy(req.backend_hint)) {
            set req.grace = 0s;
            set req.hash_ignore_busy = true;
        }
    } else {
        # A restart keeps what the first try set.
        set req.grace = 24h;
        set req.hash_ignore_busy = false;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Pages are asked in full, never revalidated against the kept copy: the
    # site's own page cache answers Varnish as it answers anyone else.
    if (!bereq.uncacheable) {
        unset bereq.http.If-None-Match;
        unset bereq.http.If-Modified-Since;
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Static files: what the site allows a shared cache to keep for some time.
    if (beresp.http.Cache-Control ~ "(s-maxage|max-age)=[1-9]") {
        return (deliver);
    }
    # A public page (200, no cookie, not private): stale at once (a TTL of 0
    # would not be kept at all), kept for a day in case no server answers.
    if (beresp.status == 200 && !beresp.http.Set-Cookie
        && beresp.http.Cache-Control !~ "private|no-store") {
        set beresp.ttl = 0.001s;
        set beresp.grace = 24h;
        set beresp.http.X-Page-Copy = "1";
        return (deliver);
    }
    # A server error (a database restarting): on the first try, abandoned,
    # so that it replaces no kept copy and the request restarts for that
    # copy (vcl_synth); on the second, the site's own error page, not kept.
    if (beresp.status >= 500) {
        if (bereq.http.X-First-Try) {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # Anything else (a 404, /healthz): fetched every time rather than kept
    # for Varnish's default 2 minutes.
    set beresp.ttl = 120s;
    set beresp.uncacheable = true;
    return (deliver);
}

sub vcl_backend_error {
    # A server that does not answer (refused, reset, timed out): a GET or
    # HEAD is tried once more, on the next server of the director.
    if (bereq.retries < 1 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
    # Neither answered: as a server error above.
    if (bereq.http.X-First-Try) {
        return (abandon);
    }
    set beresp.ttl = 0s;
    set beresp.grace = 0s;
    set beresp.keep = 0s;
}

sub vcl_synth {
    # The first try of a page failed on every server: the kept copy, if any.
    if (resp.status == 503 && req.http.X-First-Try && req.restarts == 0) {
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.X-Page-Copy;
}
