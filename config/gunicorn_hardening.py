"""No `Server: gunicorn` banner: gunicorn has no setting for the header, so
importing this module removes it from the headers every response starts with
(`gunicorn -c python:config.gunicorn_hardening`, or imported by another
gunicorn configuration module). tests/test_security_gunicorn.py checks it."""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [
        line
        for line in _default_headers(self)
        if not line.lower().startswith("server:")
    ]


wsgi.Response.default_headers = _default_headers_without_server
