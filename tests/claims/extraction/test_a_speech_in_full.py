""" "Rachel Reeves' speech to Labour conference in full" (2026-12-07, session 32; a conference
speech written here).

A speech published whole under "Full text of Keir Starmer's speech" was its speaker's
throughout, but not under the heading British sites write more often: "... speech in full",
"... statement: full text". Its first-person sentences ("We have already built 100,000 new
homes") named nobody.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("heading", "speaker"),
    [
        ("Rachel Reeves' speech to Labour conference in full", "Rachel Reeves"),
        ("Keir Starmer's speech in full", "Keir Starmer"),
        ("Boris Johnson's resignation statement: full text", "Boris Johnson"),
        ("Full text of Keir Starmer's speech", "Keir Starmer"),  # unchanged
    ],
)
def test_the_speech_is_its_speakers(heading: str, speaker: str) -> None:
    text = f"{heading}\n\nWe have already built 100,000 new homes."
    assert speaker_of(text, "100,000") == speaker


@pytest.mark.parametrize(
    "heading", ["What's in the speech: the key points", "Budget 2024: the speech in full"]
)
def test_a_heading_naming_nobody(heading: str) -> None:
    text = f"{heading}\n\nThe government will build 100,000 new homes."
    assert speaker_of(text, "100,000") == ""
