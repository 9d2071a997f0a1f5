"""The librarians' guide (docs/poradnik.md) shown inside the admin.

The guide is plain Markdown so it can be read on GitHub too. Only the little
Markdown it uses is converted here (headings, paragraphs, lists, bold,
`code`), after escaping, so no extra package is needed and nothing in the
file can inject HTML."""

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "poradnik.md"

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_ORDERED = re.compile(r"^\d+\.\s+")


def _inline(text):
    text = escape(text)
    text = _CODE.sub(r"<code>\1</code>", text)
    return _BOLD.sub(r"<strong>\1</strong>", text)


def _slug(text):
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def markdown_to_html(source):
    """Convert the guide's Markdown subset; returns (html, table of contents)."""
    html, toc, paragraph, items, list_tag = [], [], [], [], None

    def flush():
        nonlocal paragraph, items, list_tag
        if paragraph:
            html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph = []
        if items:
            body = "".join(f"<li>{_inline(item)}</li>" for item in items)
            html.append(f"<{list_tag}>{body}</{list_tag}>")
            items, list_tag = [], None

    for raw in source.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            text = heading.group(2)
            if level == 1:
                continue  # the title: the admin header is the page's h1
            anchor = _slug(text)
            if level == 2:
                toc.append((anchor, text))
            html.append(f'<h{level} id="{anchor}">{_inline(text)}</h{level}>')
        elif line.startswith(("- ", "* ")) or _ORDERED.match(line):
            tag = "ul" if line.startswith(("- ", "* ")) else "ol"
            if paragraph or (items and tag != list_tag):
                flush()
            list_tag = tag
            items.append(_ORDERED.sub("", line[2:] if tag == "ul" else line))
        elif items and raw.startswith("  "):
            items[-1] += " " + line  # continuation of a list item
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(html)), toc  # noqa: S308 (escaped above)


@lru_cache(maxsize=1)
def _render_cached(mtime):
    return markdown_to_html(GUIDE_PATH.read_text(encoding="utf-8"))


def render_guide():
    return _render_cached(GUIDE_PATH.stat().st_mtime)
