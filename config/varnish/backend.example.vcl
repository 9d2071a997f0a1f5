# Where the application servers are, for default.vcl, which includes
# "backend.vcl" from Varnish's vcl_path. Copy this file to
# /etc/varnish/backend.vcl and edit it there (README: "Varnish"). Not found
# under this name: a missing or unreadable backend.vcl stops varnishd rather
# than sending visitors to a guess. tests/test_varnish.py writes its own,
# naming the test's two servers.

# `make serve`'s gunicorn on this machine (PORT 8000).
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Several servers (sharing one Redis, see README): one backend each and a
# round-robin director instead of the backend above:
#
# import directors;
# backend one { .host = "10.0.0.11"; .port = "8000"; }
# backend two { .host = "10.0.0.12"; .port = "8000"; }
# sub vcl_init {
#     new app = directors.round_robin();
#     app.add_backend(one);
#     app.add_backend(two);
# }
# sub vcl_recv { set req.backend_hint = app.backend(); }
