"""A drugmaker whose name reads like a person's (2026-12-07, session 28; a drug-trial story
written here).

"The trial, funded by drugmaker Eli Lilly, ... Lilly said it was disappointed" was nobody's:
"Lilly" opening a sentence read as an adverb ("Eventually"), and "Eli Lilly" (a given name first)
as a person, though the page introduces it as a drugmaker.
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import speaker_of, unit_with

TRIAL = (
    "The trial, funded by drugmaker Eli Lilly, involved 1,736 patients in eight countries.\n\n"
    "Lilly said it was disappointed by the decision to reject the drug.\n"
)


def test_a_business_named_like_a_person_after_its_noun() -> None:
    unit = unit_with(TRIAL, "disappointed")
    assert (unit.speaker, unit.speaker_type) == ("Eli Lilly", ORGANIZATION)


def test_an_adverb_and_a_founder_stay_as_they_were() -> None:
    assert speaker_of("Eventually said to cost £40m, the plan was dropped.", "£40m") == ""
    text = "The firm Jane Doe founded said 40 staff had left. She said 3 had returned."
    assert speaker_of(text, "40 staff") == ""
