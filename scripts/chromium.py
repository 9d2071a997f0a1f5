"""Debian's Chromium as every tool of the project starts it: the browser
tests (tests/browser/conftest.py) and `make lighthouse`. Without the
background-networking flags Chromium keeps trying hosts this machine's
closed network refuses."""

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
