"""Headlines: "Firm accused of selling faulty masks", "Firm warns of 2,000 job cuts" (2026-12-07,
session 33; a procurement story written here).

"Firm accused of ..." was the firm's claim: "accused" directly before "of" is the passive of a
headline or a reduced clause (the active verb takes its object first: "Boeing accused
regulators of ..."), so its subject is who is accused, not who speaks ("Boeing accused of
hiding defects", "Minister accused of lying" were Boeing's and the minister's). "Firm warns of
..." was spoken by "Firm": a noun for a body of a kind that opens a sentence alone is no name
unless the page capitalises it inside a sentence.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

BODY = "\n\nThe firm sold 2 million masks to hospitals last year."


@pytest.mark.parametrize(
    "headline",
    [
        "Firm accused of selling 2 million faulty masks",
        "Boeing accused of hiding 2 defects",
        "Minister accused of lying about 2 reports",
        "Firm warns of 2,000 job cuts",
        "Council says 2 libraries will close",
    ],
)
def test_a_headline_names_no_speaker(headline: str) -> None:
    assert speaker_of(headline + BODY, headline[-12:]) == ""


def test_the_active_verb_and_a_name_still_speak() -> None:
    assert speaker_of("Boeing accused regulators of hiding 2 defects.", "2 defects") == "Boeing"
    assert speaker_of("Shell warns of 2,000 job cuts\n\nShares in Shell fell.", "2,000") == "Shell"
