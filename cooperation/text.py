"""Text helpers shared by validation, the street finder and search.

Polish street names are compared after folding: lower case, no diacritics
(ł becomes l), single spaces. Folding does not depend on the database, so it
works the same on SQLite and PostgreSQL.
"""

import re
import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_SPACES = re.compile(r"[\s\u00a0]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: "Włościańska" -> "wloscianska"."""
    text = (text or "").translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()
