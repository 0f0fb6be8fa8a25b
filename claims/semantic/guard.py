"""The guard: is a close match the same claim, or only a related one?

A sentence encoder scores "20,000 islanders live there" and "17,000 islanders live there" as
near-identical; a fact-checker would not. compare() reads what the encoder blurs, with the
extraction package's own readers: the quantities (claims.extraction.quantities), the named
actors (capitalised names, minus sentence starters and titles from claims.extraction.lexicon)
and negation. It labels a match; it does not rank (ranking is by meaning and wording). label()
also calls a match whose probability is below claims.semantic.ranking.SAME_CLAIM_THRESHOLD
"related" (WEAK_MATCH): the guard cannot tell two claims on one topic apart by their words.

Known limits of this first slice: a capitalised common noun that opens a sentence
("Unemployment rose ...") reads as an actor, and negation is counted by cue words, so "false"
or "denies" do not negate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claims.extraction.lexicon import MONTH_NAMES, SENTENCE_STARTERS, TITLES
from claims.extraction.quantities import Quantity, find_quantities

# Relative tolerance for "the same figure": 1.2 million and 1,200,000 agree; 20,000 and
# 17,000 do not; a rounded 20,000 against 20,100 does (0.5%).
FIGURE_TOLERANCE = 0.005

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|isn't|aren't|wasn't"
    r"|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't"
    r"|shouldn't|hasn't|haven't|hadn't)\b",
    re.IGNORECASE,
)
# Both readers work on text whose typographic apostrophes (U+2019) became ASCII ones.
_APOSTROPHES = str.maketrans({"\u2019": "'"})
# Capitalised words (and acronyms), joined into names by connectors: "Bank of England".
_NAME = re.compile(
    r"\b[A-Z][\w'.-]*(?:\s+(?:(?:of|the|de|von|van|der|al|bin|la)\s+)*[A-Z][\w'.-]*)*"
)
_NOT_ACTORS = SENTENCE_STARTERS | TITLES | MONTH_NAMES | {"q0"}


@dataclass(frozen=True)
class MatchKind:
    kind: Literal["same", "related"]
    reason: str = ""


def _figure(q: Quantity) -> str:
    """The number as written, without its unit: "20,000 islanders" -> "20,000"."""
    if q.unit and q.text.endswith(q.unit):
        return q.text[: -len(q.unit)].strip()
    return q.text


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= FIGURE_TOLERANCE * max(abs(x), abs(y))


def _figure_conflict(a: str, b: str) -> str | None:
    first, second = find_quantities(a), find_quantities(b)
    # A paraphrase may drop a figure; only two different figures are a conflict.
    only_a = [q for q in first if not any(_same_value(q.value, r.value) for r in second)]
    only_b = [q for q in second if not any(_same_value(q.value, r.value) for r in first)]
    if only_a and only_b:
        return f"different figure: {_figure(only_a[0])} vs {_figure(only_b[0])}"
    return None


def actors(text: str) -> list[str]:
    """Named actors in order of appearance: capitalised runs that are not sentence starters,
    titles or months ("President Joe Biden" -> "Joe Biden")."""
    found: list[str] = []
    for match in _NAME.finditer(text.translate(_APOSTROPHES)):
        words = match.group().split()
        while words and words[0].lower().strip(".") in _NOT_ACTORS:
            words.pop(0)
        name = " ".join(words).rstrip(".'")
        name = re.sub(r"'s$", "", name)
        if name and name.lower() not in _NOT_ACTORS:
            found.append(name)
    return found


def _words(names: list[str]) -> set[str]:
    return {w.lower() for name in names for w in name.split()}


def _same_word(x: str, y: str) -> bool:
    """One name's word in another's form: "Kurils"/"Kuril", "Russia"/"Russians" (one is a
    prefix of the other, the shorter at least four letters), or equal."""
    if x == y:
        return True
    shorter, longer = sorted((x, y), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


def _shares_word(name: str, words: set[str]) -> bool:
    return any(_same_word(w, other) for w in _words([name]) for other in words)


def _actor_conflict(a: str, b: str) -> str | None:
    first, second = actors(a), actors(b)
    # "Biden" and "Joe Biden" are one actor: names match when they share a word.
    words_a, words_b = _words(first), _words(second)
    only_a = [n for n in first if not _shares_word(n, words_b)]
    only_b = [n for n in second if not _shares_word(n, words_a)]
    if only_a and only_b:
        return f"different actor: {only_a[0]} vs {only_b[0]}"
    return None


def _negated(text: str) -> bool:
    # Parity: "it is not true that X did not ..." affirms. Rough, but claims are short.
    return len(_NEGATION.findall(text.translate(_APOSTROPHES))) % 2 == 1


# The reason of a match the guard finds nothing against but whose match probability is below
# claims.semantic.ranking.SAME_CLAIM_THRESHOLD: alike in topic, perhaps not the same claim.
WEAK_MATCH = "weak match"


def label(a: str, b: str, *, score: float, same_from: float | None) -> MatchKind:
    """compare(), and a match scoring below `same_from` (a match probability; None: no such
    floor, as for wording-only scores) is "related" with WEAK_MATCH even when nothing else
    tells the two apart."""
    found = compare(a, b)
    if found.kind == "same" and same_from is not None and score < same_from:
        return MatchKind("related", WEAK_MATCH)
    return found


def compare(a: str, b: str) -> MatchKind:
    """The label of a match: "same" when nothing tells the two claims apart, else "related"
    with the first reason found (figures, then actors, then negation)."""
    for reason in (_figure_conflict(a, b), _actor_conflict(a, b)):
        if reason:
            return MatchKind("related", reason)
    if _negated(a) != _negated(b):
        return MatchKind("related", "negated")
    return MatchKind("same")
