"""Organisations named for what they do (2026-12-07, session 31; a student-loans story and a
debt-advice story written here, and session 30's list).

"Student Finance said ..." and "Citizens Advice said ..." were typed people: a name made of
common words alone, with no given name first, is an organisation; a word as a surname is no
sign alone ("Marine Le Pen", "Guillaume Long", "Jeremy Hunt").
"""

from __future__ import annotations

import pytest

from claims.extraction.speaker_types import speaker_type
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize("name", ["Student Finance", "Citizens Advice", "Young Minds"])
def test_a_name_of_common_words_is_an_organisation(name: str) -> None:
    assert speaker_type(name) == "organization"


@pytest.mark.parametrize(
    "name", ["Marine Le Pen", "Guillaume Long", "Jeremy Hunt", "Mr Bean", "Rose Byrne"]
)
def test_a_word_as_a_surname_is_still_a_person(name: str) -> None:
    assert speaker_type(name) == "person"


def test_the_loans_company_speaks_as_an_organisation() -> None:
    unit = unit_with(
        "Student Finance said 1.2 million students had applied this year.", "1.2 million"
    )
    assert (unit.speaker, unit.speaker_type) == ("Student Finance", "organization")
