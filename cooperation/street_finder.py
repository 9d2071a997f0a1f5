""" "Which partnership works on my street?": a typed street name matched against
the streets that bound the partnerships' areas. Pure Python over rows the
caller loaded, no queries. Query and street names become keys (folded, split
into words, designations such as "ul." or "al." dropped, Polish endings cut);
then a prefix match, then "did you mean" suggestions from ``difflib``."""

import difflib
from dataclasses import dataclass, field

from home.text import clean_query, split_words, stem

MIN_PREFIX_LENGTH = 3
MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.75

# Designations people put before a street name, folded and without dots.
DESIGNATIONS = frozenset(
    {
        "ul",
        "ulica",
        "ulicy",
        "ulice",
        "al",
        "aleja",
        "alei",
        "aleje",
        "alejach",
        "pl",
        "plac",
        "placu",
        "gen",
        "general",
        "generala",
        "ks",
        "ksiedza",
        "ksiadz",
        "sw",
        "swietego",
        "trasa",
        "trasy",
        "trasie",
        "rondo",
        "ronda",
        "os",
        "osiedle",
        "na",
        "przy",
        "w",
    }
)

# Abbreviations of whole names that people use for streets.
ABBREVIATIONS = {"ak": ["armii", "krajowej"]}


def words(text):
    """The folded words of ``text`` without digits or designations.

    Designations are dropped only from the front and only while a word is
    left, so a street called just "Rondo" still has a name."""
    tokens = []
    for token in split_words(text):
        if not any(character.isdigit() for character in token):
            tokens.extend(ABBREVIATIONS.get(token, [token]))
    while len(tokens) > 1 and tokens[0] in DESIGNATIONS:
        tokens.pop(0)
    return tokens


def street_key(text):
    """The stemmed key two spellings of one street share."""
    return " ".join(stem(word) for word in words(text))


@dataclass
class StreetMatch:
    """One street (by key) and every partnership whose area it bounds."""

    key: str
    label: str
    partnerships: list = field(default_factory=list)
    labels: list = field(default_factory=list)

    @property
    def is_boundary(self):
        """True when the street is on the list of two or more partnerships:
        it is the boundary between their areas."""
        return len(self.partnerships) > 1

    @property
    def entries(self):
        """``(partnership, label, listed_differently)``: the label is how
        that partnership lists the street ("Trasa Armii Krajowej" where
        another says "al. Armii Krajowej")."""
        return [
            (partnership, label, label != self.label)
            for partnership, label in zip(self.partnerships, self.labels, strict=True)
        ]


@dataclass
class FinderResult:
    """What the finder says about one query.

    ``status`` is one of ``"empty"`` (nothing typed), ``"too_short"`` (fewer
    than three letters and no exact match), ``"found"``, ``"suggestions"``
    (nothing found but close spellings exist) or ``"not_found"``."""

    query: str
    status: str
    matches: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    exact: bool = False

    @property
    def partnerships(self):
        seen = []
        for match in self.matches:
            for partnership in match.partnerships:
                if partnership not in seen:
                    seen.append(partnership)
        return seen


def _name_and_label(street):
    name = getattr(street, "name", street)
    label = getattr(street, "display_name", name)
    return str(name), str(label)


def _group(rows):
    """Streets by key, in the order first seen, each with its partnerships."""
    groups = {}
    for partnership, street in rows:
        name, label = _name_and_label(street)
        key = street_key(name)
        if not key:
            continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = {
                "label": label,
                "name": name,
                "words": words(name),
                "partnerships": [],
                "labels": [],
            }
        if partnership not in group["partnerships"]:
            group["partnerships"].append(partnership)
            group["labels"].append(label)
    return groups


def _starts(query_words, street_words):
    """True when the query begins the street's name or one of its words:
    every query word but the last equals a street word (or its stem), and
    the last begins the next one."""
    *whole, last = query_words
    for start in range(len(street_words)):
        candidate = street_words[start:]
        if len(candidate) < len(query_words):
            break
        if all(
            q == s or stem(q) == stem(s) for q, s in zip(whole, candidate, strict=False)
        ) and (
            candidate[len(whole)].startswith(last)
            or candidate[len(whole)].startswith(stem(last))
        ):
            return True
    return False


def _match(key, group):
    return StreetMatch(
        key=key,
        label=group["label"],
        partnerships=list(group["partnerships"]),
        labels=list(group["labels"]),
    )


def find(query, rows):
    """Match ``query`` against ``rows`` of ``(partnership, street)``.

    ``street`` is a string or an object with ``name`` (and optionally
    ``display_name``, shown to people). ``partnership`` is returned as given.
    """
    query = clean_query(query)
    query_words = words(query)
    if not query_words:
        return FinderResult(query=query, status="empty")
    key = " ".join(stem(word) for word in query_words)
    groups = _group(rows)

    if key in groups:
        return FinderResult(
            query=query, status="found", matches=[_match(key, groups[key])], exact=True
        )

    letters = sum(len(word) for word in query_words)
    if letters < MIN_PREFIX_LENGTH:
        return FinderResult(query=query, status="too_short")

    prefixed = [
        _match(street, group)
        for street, group in groups.items()
        if _starts(query_words, group["words"])
    ]
    if prefixed:
        return FinderResult(query=query, status="found", matches=prefixed)

    suggestions = suggest(query_words, key, groups)
    if suggestions:
        return FinderResult(query=query, status="suggestions", suggestions=suggestions)
    return FinderResult(query=query, status="not_found")


@dataclass(frozen=True)
class Suggestion:
    """A street spelled close to what was typed: ``name`` to search again,
    ``label`` to show."""

    name: str
    label: str


def suggest(query_words, key, groups):
    """Streets spelled close to the query, best first."""
    folded = " ".join(query_words)
    scored = []
    for street, group in groups.items():
        plain = " ".join(group["words"])
        candidates = [street, plain, *group["words"]]
        score = max(
            max(
                difflib.SequenceMatcher(None, key, candidate).ratio(),
                difflib.SequenceMatcher(None, folded, candidate).ratio(),
            )
            for candidate in candidates
        )
        if score >= SUGGESTION_CUTOFF:
            scored.append((score, Suggestion(group["name"], group["label"])))
    scored.sort(key=lambda item: -item[0])
    return [suggestion for _score, suggestion in scored[:MAX_SUGGESTIONS]]
