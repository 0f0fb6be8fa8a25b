"""Wording similarity as PostgreSQL's pg_trgm computes it, in pure Python.

One definition for every reader: claims.matching (SQLite's exact search, and the check that the
database's ranking agrees), claims.semantic.ranking (the in-memory index) and the tests.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")

# Words whose trigrams a process keeps: the collection's common vocabulary. A look-up analyses
# ~200 candidates it may never have seen, and cutting their words into trigrams was most of that
# work (52 of 78 us a claim; 17 us with the words' trigrams kept).
WORD_TRIGRAMS_CACHED = 20_000


@functools.lru_cache(maxsize=WORD_TRIGRAMS_CACHED)
def _word_trigrams(word: str) -> tuple[str, ...]:
    # Interned: words share most of their trigrams, so the full cache holds each one once
    # (about 4 MB for 20,000 words, 12 MB with a copy per word).
    padded = f"  {word} "
    return tuple(sys.intern(padded[i : i + 3]) for i in range(len(padded) - 2))


def words(text: str) -> list[str]:
    """The text's lower-cased words, as pg_trgm splits them (letters and digits)."""
    return _WORD.findall(text.lower())


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: lower-cased words padded with two spaces before and one after."""
    return words_trigrams(words(text))


def words_trigrams(words: Iterable[str]) -> set[str]:
    """trigrams() of a text already split by words()."""
    return set().union(*map(_word_trigrams, set(words)))


def trigram_similarity(a: str, b: str) -> float:
    """Shared trigrams over all trigrams of both texts (pg_trgm's similarity())."""
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
