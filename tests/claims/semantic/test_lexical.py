"""claims.semantic.lexical: pg_trgm's trigrams and similarity, restated in Python."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.semantic.lexical import trigram_similarity, trigrams, words, words_trigrams

TEXTS = [
    "Joe Biden owns the largest mansion in Delaware.",
    "the the THE: repeated words, once each",
    "20,000 islanders; 17,000 islanders (1945)",
    "a I x",
    "snake_case and hy-phen-ated",
    "Ça coûte 20 000 € — l'État paie!",
    "",
    "!!! ... ???",
]


def _reference(text: str) -> set[str]:
    """pg_trgm's definition, word by word: two spaces before each word, one after."""
    grams = set()
    for word in words(text):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


@pytest.mark.parametrize("text", TEXTS)
def test_trigrams_are_each_words_padded_trigrams(text: str) -> None:
    # Cut from the words' kept trigrams (the look-up's candidates share most of their words).
    assert trigrams(text) == _reference(text) == words_trigrams(words(text))
    assert trigrams(text) == _reference(text)  # again, from the cache


@pytest.mark.postgres
@pytest.mark.django_db
def test_trigrams_and_similarity_are_pg_trgms() -> None:
    ascii_texts = [text for text in TEXTS if text.isascii()]
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for text in ascii_texts:
            cursor.execute("SELECT show_trgm(%s)", [text])
            assert set(cursor.fetchone()[0]) == trigrams(text), text
        for first in ascii_texts:
            for second in ascii_texts:
                cursor.execute("SELECT similarity(%s, %s)", [first, second])
                expected = cursor.fetchone()[0]
                assert trigram_similarity(first, second) == pytest.approx(expected, abs=1e-6)
