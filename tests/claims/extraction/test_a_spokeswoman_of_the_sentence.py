"""A spokeswoman after a sentence about an organisation (2026-12-07, session 31; a story on
flights cancelled by snow written here).

"Ryanair cancelled 400 flights, a spokeswoman said." after "..., Eurocontrol said." was
Eurocontrol's spokeswoman: the organisation the sentence is about comes before the one that
spoke last.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

BEFORE = "More than 1,000 flights were cancelled across Europe, Eurocontrol said.\n\n"


def test_the_spokeswoman_of_the_sentences_organisation() -> None:
    text = BEFORE + "Ryanair cancelled 400 flights, a spokeswoman said."
    assert speaker_of(text, "400 flights") == "Ryanair spokeswoman"


def test_after_a_person_the_organisation_that_spoke() -> None:
    text = BEFORE + "Passengers waited for 6 hours at Munich, a spokeswoman said."
    assert speaker_of(text, "6 hours") == "Eurocontrol spokeswoman"
