"""A title inside an organisation's name (2026-12-07, session 31; a story on Ofsted grades
written here).

"The National Association of Head Teachers (NAHT) said 90% of its members supported the change."
was "Teachers"'s, a person: "Head" was taken for a title before a name. After "of" in a name
that an organisation's word opens, a title is part of the name.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    "name",
    [
        "National Association of Head Teachers",
        "Royal College of General Practitioners",
        "Association of Chief Police Officers",
    ],
)
def test_the_whole_name_speaks(name: str) -> None:
    unit = unit_with(f"The {name} said 90% of its members supported the change.", "90%")
    assert (unit.speaker, unit.speaker_type) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Secretary of State Antony Blinken said 40% agreed.", "Antony Blinken"),
        ("Ministry of Defence Secretary John Healey said 40% agreed.", "John Healey"),
    ],
)
def test_a_title_before_a_person_still_goes(text: str, person: str) -> None:
    assert unit_with(text, "40%").speaker == person
