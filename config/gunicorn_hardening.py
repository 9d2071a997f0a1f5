"""gunicorn settings of the security hardening (issue 12): no `Server:
gunicorn` banner. gunicorn has no setting for the header, so this module
(a gunicorn configuration module itself: `gunicorn -c
python:config.gunicorn_hardening`, or `from config.gunicorn_hardening import
*` at the top of another gunicorn.conf.py) removes it from the headers every
response starts with. Importing it is enough: workers fork from the master
that imported it. tests/test_security_gunicorn.py checks it on a real
gunicorn."""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [
        line
        for line in _default_headers(self)
        if not line.lower().startswith("server:")
    ]


wsgi.Response.default_headers = _default_headers_without_server
