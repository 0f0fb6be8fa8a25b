""" "Nasa", "Nato", "Unicef": a public body's initials written as a word (2026-12-07, session
32; a science story written here).

British papers write the longer initials as a word. "Nasa plans to land astronauts ... A
spokesperson for the space agency said" gave "the space agency" (the description), not Nasa:
the public bodies' initials were known only in capitals ("NASA"), and a one-word subject was
remembered as a name of either kind.
"""

from __future__ import annotations

import pytest

from claims.extraction.org_kinds import is_public_body
from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize("name", ["Nasa", "Nato", "Unicef", "Unesco", "NASA"])
def test_initials_as_a_word_are_a_public_body(name: str) -> None:
    assert is_public_body(name)


@pytest.mark.parametrize("word", ["Who", "Sec", "Nasal", "Apple"])
def test_words_are_not(word: str) -> None:
    assert not is_public_body(word)


@pytest.mark.parametrize(
    ("opening", "noun", "speaker"),
    [
        ("Nasa plans to land astronauts near the south pole in 2027.", "space agency", "Nasa"),
        ("Unicef has warned that 1.2 million children need help.", "agency", "Unicef"),
    ],
)
def test_the_agency_named_before(opening: str, noun: str, speaker: str) -> None:
    text = f"{opening} A spokesperson for the {noun} said the findings were exciting."
    assert speaker_of(text, "exciting") == speaker
