"""A wire story's closing credits name its author (2026-12-07, session 29; Reuters-style Delhi
air copy written here).

"(Reporting by Shivam Patel; Editing by Kim Coghill)" was dropped as a credits line and the
pasted story had no author. The reporters it names are the author, when no byline named one
before; editors, "additional reporting" and "Reuters Staff" name nobody.
"""

from __future__ import annotations

import pytest

from claims.extraction import read_text

STORY = (
    "Delhi air turns 'severe'\n\n"
    "NEW DELHI, Nov 4 (Reuters) - Air quality in India's capital slipped into the severe "
    "category on Monday, data from the Central Pollution Control Board showed.\n\n"
)


@pytest.mark.parametrize(
    ("credits", "author"),
    [
        ("(Reporting by Shivam Patel; Editing by Kim Coghill)", "Shivam Patel"),
        (
            "(Reporting by Jane Doe in London and John Roe in Paris; Editing by Ann Lee)",
            "Jane Doe and John Roe",
        ),
        ("(Additional reporting by Steve Gorman; Editing by Marguerita Choy)", ""),
        ("(Reporting by Reuters Staff; Editing by Kim Coghill)", ""),
        ("(Editing by Kim Coghill)", ""),
    ],
)
def test_the_reporters_are_the_author(credits: str, author: str) -> None:
    assert read_text(STORY + credits + "\n").author == author


def test_a_byline_comes_first() -> None:
    text = "Delhi air turns 'severe'\n\nBy Rina Chandran\n\n" + STORY.split("\n\n", 1)[1]
    credits = "(Reporting by Shivam Patel; Editing by Kim Coghill)\n"
    assert read_text(text + credits).author == "Rina Chandran"
