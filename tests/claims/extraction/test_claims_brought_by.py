"""A claim, a lawsuit or a complaint that "says" what whoever brought it says (2026-12-07,
session 30; listed as still wrong in session 28, from a class action written there).

"The claim, brought by consumer champion Julie Hunter, says Apple overcharged 20 million users."
was nobody's, and so was "The lawsuit, filed by the Federal Trade Commission in 2023, alleges
...": only a report or a statement "published by" someone spoke for them, and only with the name
right after "by" and right before the comma.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The claim, brought by consumer champion Julie Hunter, says Apple overcharged 20 "
            "million users.",
            ("Julie Hunter", "person"),
        ),
        (
            "The lawsuit, filed by the Federal Trade Commission in 2023, alleges that Amazon "
            "tricked 35 million customers into signing up for Prime.",
            ("Federal Trade Commission", "organization"),
        ),
        ("The petition, signed by 250,000 people, says the closure will cost 300 jobs.", ("", "")),
    ],
)
def test_whoever_brought_it(text: str, speaker: tuple[str, str]) -> None:
    unit = unit_with(text, "says" if "says" in text else "alleges")
    assert (unit.speaker, unit.speaker_type) == speaker
