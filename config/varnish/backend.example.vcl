# Where the application servers are, for default.vcl, which includes
# "backend.vcl" from Varnish's vcl_path. Copy this file to
# /etc/varnish/backend.vcl and edit it there (README: "A proxy or CDN in
# front"). Not found under this name: a missing or unreadable backend.vcl
# stops varnishd rather than sending visitors to a guess.
# tests/test_varnish.py writes its own, naming the test's server.

# `make serve`'s gunicorn on this machine (PORT 8000). Several servers: one
# backend each and a round-robin director (vmod_directors) in vcl_init.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Application servers on other machines, which purge through the "purge"
# listener: their private network. (Loopback is always allowed.)
acl app_servers {
    "10.0.0.0"/24;
}
