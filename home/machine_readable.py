"""The machine-readable file ("plik z tekstem odczytywalnym maszynowo") made
from the easy-to-read page: UTF-8 plain text, and an OpenDocument text (.odt)
whose headings are real headings, so screen readers and converters see the
structure. An .odt is a zip of a few XML files; the standard library writes
it, no extra package needed."""

import io
import zipfile
from xml.sax.saxutils import escape

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

FORMATS = {
    "txt": "text/plain; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
}
ODT_MIMETYPE = FORMATS["odt"]


def outline(page):
    """(level, text) pairs: the title as level 1, each section heading as
    level 2, and each paragraph as level 0."""
    items = [(1, page.title)]
    for heading, text in page.sections():
        items.append((2, heading))
        items += [(0, line) for line in text.splitlines()]
    return items


def as_text(page):
    lines = []
    for level, text in outline(page):
        if level:
            if lines:
                lines.append("")
            lines += [text, ("=" if level == 1 else "-") * len(text)]
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)


def _content(page):
    body = []
    for level, text in outline(page):
        if level:
            body.append(
                f'<text:h text:style-name="Heading_20_{level}" '
                f'text:outline-level="{level}">{escape(text)}</text:h>'
            )
        else:
            body.append(
                f'<text:p text:style-name="Text_20_body">{escape(text)}</text:p>'
            )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {NS} office:version="1.3">'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document-content>"
    )


def _styles(language):
    country = {"pl": "PL", "en": "GB"}.get(language, "none")
    heading = (
        '<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" '
        'style:family="paragraph" style:default-outline-level="{n}" '
        'style:class="text"><style:text-properties fo:font-size="{size}pt" '
        'fo:font-weight="bold"/></style:style>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-styles {NS} office:version="1.3"><office:styles>'
        '<style:default-style style:family="paragraph"><style:text-properties '
        f'fo:language="{language}" fo:country="{country}" fo:font-size="14pt"/>'
        "</style:default-style>"
        '<style:style style:name="Text_20_body" style:display-name="Text body" '
        'style:family="paragraph" style:class="text"><style:paragraph-properties '
        'fo:margin-bottom="0.25cm" fo:line-height="150%"/></style:style>'
        + heading.format(n=1, size=20)
        + heading.format(n=2, size=16)
        + "</office:styles></office:document-styles>"
    )


def _meta(page, language):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-meta {NS} office:version="1.3"><office:meta>'
        f"<dc:title>{escape(page.title)}</dc:title>"
        f"<dc:language>{escape(language)}</dc:language>"
        "</office:meta></office:document-meta>"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<manifest:manifest {NS} manifest:version="1.3">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
    f'manifest:media-type="{ODT_MIMETYPE}"/>'
    + "".join(
        f'<manifest:file-entry manifest:full-path="{name}" '
        'manifest:media-type="text/xml"/>'
        for name in ("content.xml", "styles.xml", "meta.xml")
    )
    + "</manifest:manifest>"
)


def as_odt(page):
    language = page.locale.language_code
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        # The mimetype comes first and uncompressed, as the standard requires.
        odt.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in [
            ("content.xml", _content(page)),
            ("styles.xml", _styles(language)),
            ("meta.xml", _meta(page, language)),
            ("META-INF/manifest.xml", MANIFEST),
        ]:
            odt.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def response(page, file_format):
    """The download of ``page`` as ``file_format`` ("txt" or "odt")."""
    if file_format not in FORMATS:
        raise Http404
    data = as_text(page).encode("utf-8") if file_format == "txt" else as_odt(page)
    result = HttpResponse(data, content_type=FORMATS[file_format])
    result["Content-Disposition"] = content_disposition_header(
        True, f"{page.slug}.{file_format}"
    )
    result["Content-Language"] = page.locale.language_code
    return result
