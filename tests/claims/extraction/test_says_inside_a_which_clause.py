""" "..., which the airport says will create 100,000 jobs" (2026-12-07, session 32; found in
session 31 and not fixed then).

A verb of saying inside a relative clause, its object the clause before it, was read as a
plural noun ("says" before "will", as in "Insurance claims could reach €3.5bn"), so "which EDF
says will power six million homes" named nobody. "says" is never a plural noun, and a verb a
"which" or "that" comes shortly before is a relative clause's verb. The place a sentence puts
its subject at ("a third runway at Heathrow, which the airport says ...") is "the airport" of
that clause, as "At Heathrow, the airport said" was.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ministers approved the Sizewell C plant, which EDF says will power six million homes.",
            "EDF",
        ),
        ("Ministers approved the plant, which EDF claims will power six million homes.", "EDF"),
        (
            "The strike at Heathrow, which Unite says will involve 2,000 workers, starts on "
            "Friday.",
            "Unite",
        ),
        (
            "The government has backed a third runway at Heathrow, which the airport says will "
            "create 100,000 jobs.",
            "Heathrow",
        ),
        ("Protesters gathered at Gatwick, which the airport said had cost it £5m.", "Gatwick"),
        (
            "Heathrow Airport wants a third runway.\n\nThe government has backed the runway, which "
            "the airport says will create 100,000 jobs.",
            "Heathrow Airport",
        ),
    ],
)
def test_the_clause_is_its_speakers(text: str, speaker: str) -> None:
    assert speaker_of(text, "The government" if "Airport wants" in text else text[:12]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Insurance claims could reach €3.5bn after the floods.",
        "Police reports have risen by 12% this year.",
        "The talks at Downing Street, which the Prime Minister hosted, lasted three hours.",
    ],
)
def test_nouns_and_other_clauses_name_nobody(text: str) -> None:
    assert speaker_of(text, text[:12]) == ""
