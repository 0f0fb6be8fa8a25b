""" "Labour, which runs the council, said no decision had been made." (2026-12-07, session 33; a
council story written here).

It was nobody's: the subject before a relative clause ("X, which ..., said") was read only when
the clause held a comma of its own ("Copernicus, which uses measurements from satellites, ships
and weather stations, said"); a clause without one went to the rules for appositions, which a
party's one-word name did not pass ("Unison, which ..." did, as a business might).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("subject", "clause"),
    [
        ("Labour", "which runs the council"),
        ("Labour", "which leads in the polls"),
        ("Unison", "which represents council workers"),
    ],
)
def test_the_subject_before_a_relative_clause(subject: str, clause: str) -> None:
    text = f"{subject}, {clause}, said 2 decisions had been made."
    assert speaker_of(text, "2 decisions") == subject
