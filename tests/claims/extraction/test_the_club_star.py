""" "The Real Madrid star said" (2026-12-07, session 33; found in session 31 and not fixed then).

"Jude Bellingham scored twice as Real Madrid beat Getafe 3-0. The Real Madrid star said ..."
named nobody: "star" was no role, since as one it made "The Morning Star said" (a newspaper)
wait for a later name. Written in small letters after capitalised words and "the", it is a
player described by his club, as "The Real Madrid midfielder" is; "The Morning Star" (its own
capital) stays a name, and "the rising star" (no club) no one named.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

MATCH = (
    "England international Jude Bellingham scored twice as Real Madrid beat Getafe 3-0. "
    'The {description} said the team was "in great form".'
)


@pytest.mark.parametrize("description", ["Real Madrid star", "England star"])
def test_a_star_described_by_club_or_country(description: str) -> None:
    assert speaker_of(MATCH.format(description=description), "great form") == "Jude Bellingham"


def test_the_paper_and_the_rising_star_stay_as_they_were() -> None:
    assert speaker_of(MATCH.format(description="rising star"), "great form") == ""
    text = (
        "The Morning Star said 40 workers had been sacked.\n\n"
        "Lone Star Funds said it had bought 12 hotels."
    )
    assert speaker_of(text, "40 workers") == "Morning Star"
