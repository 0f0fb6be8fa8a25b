"""Wording similarity as PostgreSQL's pg_trgm computes it, in pure Python.

One definition for every reader: claims.matching (SQLite's exact search, and the check that the
database's ranking agrees), claims.semantic.ranking (the in-memory index) and the tests.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: lower-cased words padded with two spaces before and one after."""
    grams: set[str] = set()
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(a: str, b: str) -> float:
    """Shared trigrams over all trigrams of both texts (pg_trgm's similarity())."""
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
