"""Businesses named for a region, and sports bodies named for a sport (2026-12-07, session 30; a
Malibu wildfire story and a gymnastics report written here).

"Southern California Edison said it had cut power to 60,000 customers." was a person's: a
name opening with a compass word ("Southern", "Western") or "Consolidated" is an
organisation's, as one opening with "National" or "Royal" was.
"""

from __future__ import annotations

import pytest

from claims.extraction.speaker_types import speaker_type
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    "name",
    ["Southern California Edison", "Consolidated Edison", "Western Power Distribution"],
)
def test_a_regional_name_is_an_organisations(name: str) -> None:
    assert speaker_type(name) == "organization"


def test_the_utility_speaks_as_an_organisation() -> None:
    unit = unit_with(
        "Southern California Edison said it had cut power to 60,000 customers.", "60,000"
    )
    assert (unit.speaker, unit.speaker_type) == ("Southern California Edison", "organization")


def test_a_person_with_a_compass_surname_stays_a_person() -> None:
    assert speaker_type("Kanye West") == "person"
    assert speaker_type("Tom Southern") == "person"


@pytest.mark.parametrize("name", ["USA Gymnastics", "British Cycling", "Swimming Australia"])
def test_a_sports_governing_body_is_an_organisation(name: str) -> None:
    # session 30, a gymnastics report: "USA Gymnastics said the championships drew 40,000
    # spectators" was a person's
    assert speaker_type(name) == "organization"
    assert speaker_type("Simone Biles") == "person"
