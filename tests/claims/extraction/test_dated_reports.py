"""A report dated before its owner's name (2026-12-07, session 27; school-board copy written
here): "A 2023 Pew Research Center survey found ..." was nobody's while "A Pew Research Center
survey found ..." was Pew's (the year stopped the reading of the description)."""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A 2023 Pew Research Center survey found that 72% of teachers agreed.",
            "Pew Research Center",
        ),
        (
            "The 2024 Environment Agency report said 40% of rivers were polluted.",
            "Environment Agency",
        ),
        ("The 2019 report said 40% of rivers were polluted.", ""),
        ("A 2021 study found that 40% of adults were lonely.", ""),
    ],
)
def test_a_dated_reports_owner_speaks(text: str, speaker: str) -> None:
    assert speaker_of(text, "40%" if "40%" in text else "72%") == speaker


def test_an_election_authoritys_results() -> None:
    # "Elections Canada" was typed a person, and "results" was no data noun: nobody's.
    text = "Mark Carney won 168 seats on Monday, Elections Canada results showed."
    assert speaker_of(text, "168") == "Elections Canada"
