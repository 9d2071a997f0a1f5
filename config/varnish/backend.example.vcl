# Where the application servers are, for default.vcl, which includes
# "backend.vcl" from Varnish's vcl_path. Copy this file to
# /etc/varnish/backend.vcl and edit it there (README: "Varnish"): the
# servers' addresses, the site's host name in the probe, and who may ban.
# Not found under this name: a missing or unreadable backend.vcl stops
# varnishd rather than sending visitors to a guess. tests/test_varnish*.py
# run this file with the test's servers put in.
import directors;

# Liveness (README: "Health checks"): the server answers and reaches its
# database. Never /readyz: a Redis outage must not take servers out. The
# Host header is one the site answers to (DJANGO_ALLOWED_HOSTS). A server is
# sick after 2 failed probes of the last 3, healthy again after 2 good ones.
probe healthz {
    .request = "GET /healthz HTTP/1.1"
        "Host: biblioteka.example.pl"
        "User-Agent: varnish-probe"
        "Connection: close";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# `make serve` (gunicorn) on each application server; for one server, keep
# one backend and its add_backend line.
backend one {
    .host = "10.0.0.11";
    .port = "8000";
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
    .probe = healthz;
}

backend two {
    .host = "10.0.0.12";
    .port = "8000";
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
    .probe = healthz;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(one);
    app.add_backend(two);
}

# Who may ban Varnish's copies of pages (default.vcl): the application
# servers, which do on every change a page shows (DJANGO_VARNISH_URLS).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.11";
    "10.0.0.12";
}

sub vcl_recv {
    set req.backend_hint = app.backend();
}
