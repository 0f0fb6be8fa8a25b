"""A government named by the place it governs (2026-12-07, session 30; Valencia flood copy
written here).

"The death toll has risen to 217, the regional government of Valencia said on Sunday." was
nobody's: a name after "of" was read as a place in a description ("the MP for Newcastle
Central"), never the body.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with


def test_the_regional_government_of_a_place() -> None:
    text = "The death toll has risen to 217, the regional government of Valencia said on Sunday."
    unit = unit_with(text, "217")
    assert (unit.speaker, unit.speaker_type) == ("regional government of Valencia", "organization")


def test_the_government_of_a_place_opening_the_sentence() -> None:
    unit = unit_with("The government of Valencia said 217 people had died.", "217")
    assert unit.speaker == "government of Valencia"


def test_an_mp_for_a_place_is_still_nobody_named() -> None:
    unit = unit_with("The MP for Newcastle Central said 217 jobs would go.", "217")
    assert unit.speaker != "Newcastle Central"
