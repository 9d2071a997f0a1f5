"""The seed content, read from its data files: the Polish site in `pl.toml` and
its English in `en.po` (gettext, keyed by the exact Polish text
wagtail-localize extracts). ``${library_name}`` in either is filled in here,
the English name from the `en.po` entry whose msgid is ``${library_name}``."""

import functools
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import polib

POLISH_FILE = Path(__file__).with_name("pl.toml")
ENGLISH_FILE = Path(__file__).with_name("en.po")
LIBRARY_NAME = "${library_name}"


@dataclass(frozen=True)
class Polish:
    """The Polish content, shaped as the loader uses it: pages and snippets
    as dicts of their fields, StreamField values as lists of block dicts and
    rows of a partnership as lists of dicts. Shared by every caller, so to be
    read, not changed."""

    library_name: str
    organizations: list
    home: dict
    cooperation: dict
    partnership_index: dict
    partnerships: list
    directory: dict
    footer: dict
    statement: dict
    privacy: dict
    easy_read: dict
    sign_language: dict

    @property
    def pages(self):
        """Every seeded page, parents before their children."""
        return [
            self.home,
            self.cooperation,
            self.partnership_index,
            *self.partnerships,
            self.directory,
            self.statement,
            self.privacy,
            self.easy_read,
            self.sign_language,
        ]


def fill(text, library_name):
    """``text`` with ``${library_name}`` replaced by ``library_name``."""
    return string.Template(text).safe_substitute(library_name=library_name)


def fill_all(value, library_name):
    """``value`` (TOML data) with the library's name filled in every string."""
    if isinstance(value, str):
        return fill(value, library_name)
    if isinstance(value, list):
        return [fill_all(item, library_name) for item in value]
    if isinstance(value, dict):
        return {key: fill_all(item, library_name) for key, item in value.items()}
    return value


def block(entry):
    """The StreamField block written in `pl.toml` as the one-key table
    ``entry``: a paragraph (its text wrapped in ``<p>``), a level-2 heading,
    or any other block type with its value as written."""
    ((block_type, value),) = entry.items()
    if block_type == "paragraph":
        value = f"<p>{value}</p>"
    elif block_type == "heading":
        value = {"text": value, "level": "h2"}
    return {"type": block_type, "value": value}


def with_blocks(data, field):
    """A copy of the page dict ``data`` with its StreamField ``field`` as
    block dicts."""
    return {**data, field: [block(entry) for entry in data[field]]}


def partnership(data):
    """A partnership page's dict; a year alone (no month) has month None."""
    return {"founded_month": None, **with_blocks(data, "body")}


@functools.cache
def polish():
    """The Polish content of `pl.toml`, read once."""
    with POLISH_FILE.open("rb") as file:
        data = tomllib.load(file)
    library_name = data["library"]["name"]
    data = fill_all(data, library_name)
    return Polish(
        library_name=library_name,
        organizations=data["organizations"],
        home=with_blocks(data["home"], "body"),
        cooperation=with_blocks(data["cooperation"], "body"),
        partnership_index=with_blocks(data["partnership_index"], "intro"),
        partnerships=[partnership(item) for item in data["partnerships"]],
        directory=with_blocks(data["directory"], "intro"),
        footer=data["footer"],
        statement=with_blocks(data["accessibility_statement"], "inaccessible_content"),
        privacy=with_blocks(data["privacy_notice"], "body"),
        easy_read=with_blocks(data["easy_read"], "body"),
        sign_language=data["sign_language"],
    )


def catalog():
    """`en.po` as a polib catalogue, read afresh (the tests check it whole)."""
    return polib.pofile(str(ENGLISH_FILE), encoding="utf-8")


@functools.cache
def english():
    """The English of every seeded Polish string, ``{polish: english}``, from
    the translated entries of `en.po` (a fuzzy or empty entry counts as no
    English). Read-only: copy it with ``dict()`` to change it."""
    entries = catalog().translated_entries()
    polish_name = polish().library_name
    english_name = next(e.msgstr for e in entries if e.msgid == LIBRARY_NAME)
    return MappingProxyType(
        {
            fill(entry.msgid, polish_name): fill(entry.msgstr, english_name)
            for entry in entries
        }
    )


def english_library_name():
    """The library's name in English."""
    return english()[polish().library_name]
