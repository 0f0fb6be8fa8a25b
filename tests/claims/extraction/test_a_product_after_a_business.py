"""A business whose name the page writes before a product's (2026-12-07, session 30; a console
launch written here).

Under "Nintendo Switch 2 sells 3.5 million in four days", "Nintendo said on Wednesday that ..."
was a person called "Nintendo Switch", and "The Kyoto-based company expects ..." was "Kyoto-based":
a common word after a name ("Switch") makes it no person's name.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with

LAUNCH = (
    "Nintendo Switch 2 sells 3.5 million in four days\n\n"
    "Nintendo said on Wednesday that its Switch 2 console sold more than 3.5 million units in "
    "its first four days on sale.\n\n"
    "The Kyoto-based company expects to sell 15 million units by the end of March."
)


def test_the_business_is_no_person() -> None:
    unit = unit_with(LAUNCH, "its Switch 2 console")
    assert (unit.speaker, unit.speaker_type) == ("Nintendo", "organization")
    assert unit_with(LAUNCH, "15 million").speaker == "Nintendo"


def test_a_surname_after_a_given_name_still_makes_a_person() -> None:
    text = "Rachel Reeves visited Leeds.\n\nReeves said 12,000 jobs would be created."
    unit = unit_with(text, "12,000")
    assert (unit.speaker, unit.speaker_type) == ("Rachel Reeves", "person")
