"""A body named for its field and its place (2026-12-07, session 28; a live page on storm
flooding written here).

"Transport for Wales says several lines are closed" and "Transport for London said" were
nobody's: "Transport" reads as a title ("Transport Secretary"), so the name was taken for a role
and a place, as "The MP for Newcastle Central said" is.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import speaker_of, unit_with


@pytest.mark.parametrize("body", ["Transport for Wales", "Transport for London"])
def test_a_field_and_a_place_name_a_body(body: str) -> None:
    unit = unit_with(f"{body} says 40 lines are closed because of flooding.", "40 lines")
    assert (unit.speaker, unit.speaker_type) == (body, ORGANIZATION)


def test_a_title_and_a_place_still_name_nobody() -> None:
    assert speaker_of("The MP for Newcastle Central said 40 stations shut.", "40") == ""
