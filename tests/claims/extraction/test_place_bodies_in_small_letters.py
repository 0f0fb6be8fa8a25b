"""A place's body written with its noun in small letters, and "the university" of the
sentence's own university (2026-12-07, session 31; an airport story, a flood-defence story
and a university's job cuts written here).

"Leeds council said ..." and "Manchester airport cancelled 120 flights ..., a spokesman said"
named nobody; "Cardiff University will cut 400 jobs ..., the university said" was
"University"'s (the headline "University cuts 400 jobs" opened with the word).
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with


def test_a_council_written_in_small_letters() -> None:
    unit = unit_with("Leeds council said it would spend £3m on flood defences.", "£3m")
    assert (unit.speaker, unit.speaker_type) == ("Leeds council", "organization")


def test_the_spokesman_of_an_airport_written_so() -> None:
    text = "Manchester airport cancelled 120 flights on Sunday, a spokesman said."
    assert speaker_of(text, "120 flights") == "Manchester airport spokesman"


def test_a_partys_council_is_no_place() -> None:
    # ("The Tory council said" stays "Tory council", as written: an earlier design)
    text = "Labour council said it would spend £3m on flood defences."
    assert speaker_of(text, "£3m") != "Labour council"


def test_the_university_of_the_sentence() -> None:
    text = (
        "University cuts 400 jobs\n\n"
        "Cardiff University will cut 400 jobs to save £31m, the university said."
    )
    assert speaker_of(text, "£31m") == "Cardiff University"
