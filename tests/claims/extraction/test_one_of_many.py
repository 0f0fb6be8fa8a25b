""" "Keir Starmer met union leaders. The union leader said" (2026-12-07, session 32; found
while testing the club midfielder).

A role the sentence before wrote in the plural ("met union leaders") is one of that group:
"The union leader said talks went well" was Keir Starmer's, the person named there in no role.
It is nobody named now; a holder the text introduced in that role still is.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_one_of_the_group_is_nobody_named() -> None:
    text = "Keir Starmer met union leaders on Monday. The union leader said talks went well."
    assert speaker_of(text, "talks went well") == ""


def test_a_holder_introduced_so_still_speaks() -> None:
    text = (
        "Union leader Sharon Graham met other union leaders on Monday. "
        "The union leader said talks went well."
    )
    assert speaker_of(text, "talks went well") == "Sharon Graham"


def test_without_the_plural_the_person_named() -> None:
    text = "Sharon Graham met the Prime Minister on Monday. The union leader said talks went well."
    assert speaker_of(text, "talks went well") == "Sharon Graham"
