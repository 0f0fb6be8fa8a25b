"""A subject, an aside between commas, and "telling ... that" (2026-12-07, session 30; Kenyan
finance-bill copy written here).

"Opposition leader Raila Odinga, however, termed the move "a betrayal", telling supporters in
Kisumu that 39 people had been killed in the protests." was nobody's: "telling" was no
participle of saying, and "however" between commas hid the subject from its verb.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_telling_after_an_aside_is_the_subjects() -> None:
    text = (
        'Opposition leader Raila Odinga, however, termed the move "a betrayal", telling '
        "supporters in Kisumu that 39 people had been killed in the protests."
    )
    assert speaker_of(text, "39 people") == "Raila Odinga"


def test_telling_without_an_aside() -> None:
    text = (
        "Opposition leader Raila Odinga termed the move a betrayal, telling supporters that 39 "
        "people had been killed."
    )
    assert speaker_of(text, "39 people") == "Raila Odinga"


def test_an_aside_after_a_place_names_no_speaker() -> None:
    text = "Kisumu, however, recorded 12 deaths, the Kenya Red Cross said."
    assert speaker_of(text, "12 deaths") == "Kenya Red Cross"
