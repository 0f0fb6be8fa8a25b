""" "A Met spokesman said" after "A Metropolitan Police officer has been charged" (2026-12-07,
session 33; a police story written here).

The spokesman was the "Met spokesman", as written, and "The Met said" was the "Metropolitan
Police officer": a name run ends at a role word written in small letters only when a name
follows it ("Police officer John Smith"), so the page's mention of the force kept the officer.
A mention ends at its last capitalised word now, and a spokesman's organisation, one word, is
read in full as a speaker of its own is ("The Commission said": the European Commission).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("before", "speaker", "expected"),
    [
        (
            "A Metropolitan Police officer has been charged with murder.",
            "A Met spokesman",
            "Metropolitan Police spokesman",
        ),
        (
            "A Metropolitan Police officer has been charged with murder.",
            "The Met",
            "Metropolitan Police",
        ),
        (
            "The Royal College of Nursing (RCN) balloted its members.",
            "An RCN spokeswoman",
            "Royal College of Nursing spokeswoman",
        ),
        (
            "The European Commission fined Google.",
            "A Commission spokesperson",
            "European Commission spokesperson",
        ),
    ],
)
def test_the_short_name_in_full(before: str, speaker: str, expected: str) -> None:
    text = f"{before} {speaker} said 2 appeals were lodged."
    assert speaker_of(text, "2 appeals") == expected


def test_a_spokesman_of_a_name_never_given_in_full_stays_as_written() -> None:
    assert speaker_of("A Home Office spokesman said 2 flights had left.", "2 flights") == (
        "Home Office spokesman"
    )
