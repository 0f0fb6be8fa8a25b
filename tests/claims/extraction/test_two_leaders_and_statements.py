"""Two people named just before ("The two leaders said"), and a statement issued without a
comma before its participle (2026-12-07, session 31; session 30's list: a summit story
written here).

"Keir Starmer met Emmanuel Macron ... The two leaders later issued a joint statement saying
..." was nobody's: "the two leaders" and "both men" are the two people the sentence before
named, and "issued a statement saying" attributes what follows to its subject as ", saying"
does.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of, unit_with

MET = "Keir Starmer met Emmanuel Macron in Paris on Thursday to discuss Ukraine.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders said 10,000 troops would be sent if a ceasefire was agreed.",
        "Both men said 10,000 troops would be sent if a ceasefire was agreed.",
        "The two leaders later issued a joint statement saying 10,000 troops would be sent.",
    ],
)
def test_the_two_named_before(sentence: str) -> None:
    unit = unit_with(MET + sentence, "10,000 troops")
    assert (unit.speaker, unit.speaker_type) == ("Keir Starmer and Emmanuel Macron", "person")


def test_the_two_leaders_with_three_named_are_nobody_named() -> None:
    text = (
        "Keir Starmer met Emmanuel Macron and Olaf Scholz in Paris.\n\n"
        "The two leaders said 10,000 troops would be sent."
    )
    assert speaker_of(text, "10,000 troops") == ""


def test_a_statement_issued_is_its_subjects() -> None:
    text = "Keir Starmer later issued a statement saying 10,000 troops would be sent."
    assert speaker_of(text, "10,000 troops") == "Keir Starmer"
    text = "The minister later issued a statement saying 10,000 troops would be sent."
    assert speaker_of(text, "10,000 troops") == ""  # no minister named
    text = "The statement saying 10,000 troops would be sent was leaked to the Times."
    assert speaker_of(text, "10,000 troops") == ""
