"""What every open-data file says about itself: its licence (CC BY 4.0
unless the library chose another in the settings, which register
``OPEN_DATA_LICENCE``), in the body and as a ``Link: rel="license"``
header, readable from any origin and kept 5 minutes."""

from wagtail import hooks

OPEN_DATA_LICENCE = "open_data_licence"
DEFAULT_LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def licence(request):
    """{"name", "url"} of the licence the data is published under: the
    first registered hook's answer (``hook(request)``), else CC BY 4.0."""
    for hook in hooks.get_hooks(OPEN_DATA_LICENCE):
        found = hook(request)
        if found:
            return found
    return dict(DEFAULT_LICENCE)


def published(response, licence):
    """``response`` with the open-data headers."""
    response["Link"] = f'<{licence["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response
