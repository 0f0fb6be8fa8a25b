"""A person's office or family named with their full name (2026-12-07, session 30; a leak
indictment written here).

"Senator Mark Warner's office said in a statement ..." was "Warner's office": only the word
before the possessive was read. The owner is the name in full, without the title.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_office_of_a_senator_named_in_full() -> None:
    text = (
        "A former aide was charged with leaking 47 documents.\n\n"
        "Senator Mark Warner's office said in a statement that the case showed serious gaps."
    )
    assert speaker_of(text, "serious gaps") == "Mark Warner's office"


def test_the_family_of_a_person_named_before() -> None:
    text = (
        "Elianne Andam, 15, was stabbed in Croydon in 2023.\n\n"
        "Elianne's family said the sentence of 21 years brought them no comfort."
    )
    assert speaker_of(text, "21 years") == "Elianne Andam's family"
