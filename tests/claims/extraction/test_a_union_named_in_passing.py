"""A professional body that is a union, named in passing (2026-12-07, session 31; a nurses' pay
vote written here).

"Members of the Royal College of Nursing in Scotland have voted to accept a pay offer ... The
union said 78% of members who voted backed the deal" was nobody's: "the union" found a body
named like one (a college, an association) only when it spoke or opened a sentence.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

VOTE = (
    "Members of the {body} in Scotland have voted to accept a pay offer worth 8% over two "
    "years.\n\nThe union said 78% of members who voted backed the deal."
)


def test_the_union_named_in_passing() -> None:
    assert speaker_of(VOTE.format(body="Royal College of Nursing"), "78%") == (
        "Royal College of Nursing"
    )


def test_two_bodies_named_leave_the_union_unnamed() -> None:
    text = VOTE.format(body="Royal College of Nursing and the British Medical Association")
    assert speaker_of(text, "78%") == ""
