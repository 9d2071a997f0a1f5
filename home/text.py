"""Polish text helpers shared by validation, the street finder and search.

Text is compared after *folding* (lower case, no diacritics, single spaces),
words after *stemming* (one Polish case ending cut: "Potockiej", "Potocką" and
"Potocka" meet). No database involved: the same on SQLite and PostgreSQL."""

import re
import unicodedata
from functools import lru_cache

MAX_QUERY_LENGTH = 100

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_SPACES = re.compile(r"[\s\u00a0]+")
WORD = re.compile(r"[^\W_]+")

# Polish case endings, longest first; cut from folded words (so "ą" is "a").
ENDINGS = (
    "iego",
    "ego",
    "iej",
    "emu",
    "ich",
    "ych",
    "imi",
    "ymi",
    "ami",
    "ej",
    "im",
    "ym",
    "ie",
    "em",
    "om",
    "ow",
    "a",
    "e",
    "i",
    "y",
    "o",
    "u",
)
MIN_STEM_LENGTH = 3


# fold, split_words and stem are pure and see the same texts again and
# again (street names, indexed words): each answer is kept, within bounds,
# for the life of the process.
@lru_cache(maxsize=4096)
def _fold(text):
    text = text.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: "Włościańska" -> "wloscianska"."""
    return _fold(str(text or ""))


def split_words(text):
    """The folded words of ``text``: runs of letters and digits."""
    return list(_split_words(str(text or "")))


@lru_cache(maxsize=4096)
def _split_words(text):
    return tuple(WORD.findall(_fold(text)))


@lru_cache(maxsize=65536)
def stem(word):
    """Cut one Polish case ending, keeping at least three letters."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


def clean_query(text):
    """A visitor's query as it will be searched: at most ``MAX_QUERY_LENGTH``
    characters, single spaces, no control characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


# Easy-to-read text (ETR): sentences and words as an editor's hint counts them.
_TAGS = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
LONG_WORD_LETTERS = 13


def plain_text(html):
    """``html`` (rich text) as plain text, one line per block element."""
    text = re.sub(r"</(p|h[1-6]|li)>|<br\s*/?>", "\n", html or "")
    text = _TAGS.sub("", text)
    for entity, char in (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")):
        text = text.replace(entity, char)
    text = text.replace("&quot;", '"').replace("&#x27;", "'").replace("&#39;", "'")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def sentences(text):
    """The sentences of plain ``text``: split after . ! ? … and at line ends."""
    return [s.strip() for s in _SENTENCE_END.split(text or "") if WORD.search(s)]


def readability(text):
    """Counts for an easy-to-read text: the number of sentences, their average
    and longest length in words, and the long words (13 letters or more,
    hard for many readers), each once, in order."""
    counts = [len(WORD.findall(sentence)) for sentence in sentences(text)]
    long_words = []
    for word in WORD.findall(text or ""):
        known = (w.lower() for w in long_words)
        if len(word) >= LONG_WORD_LETTERS and word.lower() not in known:
            long_words.append(word)
    return {
        "sentences": len(counts),
        "average": round(sum(counts) / len(counts), 1) if counts else 0,
        "longest": max(counts, default=0),
        "long_words": long_words,
    }


def unnest_quotes(text):
    """Quotes added around a title that holds its own are dropped:
    „Partnerstwo „Cytadela”” → Partnerstwo „Cytadela”. Unbalanced quotes
    are left as they are."""
    if text.count("„") < 2:
        return text
    open_at = []  # [index of „, whether a quoted part closed inside]
    dropped = set()
    for index, char in enumerate(text):
        if char == "„":
            open_at.append([index, False])
        elif char == "”" and open_at:
            start, holds_quote = open_at.pop()
            if holds_quote:
                dropped.update((start, index))
            if open_at:
                open_at[-1][1] = True
    if open_at or not dropped:
        return text
    return "".join(char for index, char in enumerate(text) if index not in dropped)
