"""The smallest WSGI app, for tests/test_security_gunicorn.py."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
