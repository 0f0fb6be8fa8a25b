"""Found by reading a story written in the style of a British tabloid: a parent described by
the children ("mother-of-two Karen Price"), a relation before the name after "said", and an
age closing the sentence."""

from __future__ import annotations

from claims.extraction import PERSON
from tests.claims.extraction_helpers import quantities_found, unit_with

STORY = (
    "Council bosses in Somerset have awarded themselves a 10 per cent pay rise.\n\n"
    "Residents reacted with fury. 'It's a disgrace,' said mother-of-two Karen Price, 41. "
    "'We pay more and get less.'"
)


def test_said_mother_of_two_and_her_name() -> None:
    # Nobody's, and so was the quotation that goes on: "mother-of-two" was no role.
    said = unit_with(STORY, "disgrace")
    assert (said.speaker, said.speaker_type) == ("Karen Price", PERSON)
    assert unit_with(STORY, "pay more").speaker == "Karen Price"


def test_the_description_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = (
        "Mother-of-two Karen Price, 41, said the council had let residents down.\n\n"
        "The mother-of-two said she would complain."
    )
    assert unit_with(text, "let residents down").speaker == "Karen Price"
    assert unit_with(text, "would complain").speaker == "Karen Price"


def test_said_a_relation_and_a_name() -> None:
    # "said neighbour Tom Hill", "said grandfather Tom Hill" were nobody's ("Neighbour Tom
    # Hill said" was his): after the verb only a job was read as a role.
    for relation in ("neighbour", "grandfather", "father-of-three"):
        text = f"'It is a disgrace,' said {relation} Tom Hill."
        assert unit_with(text, "disgrace").speaker == "Tom Hill"


def test_an_age_closing_the_sentence_after_the_speaker() -> None:
    assert quantities_found("'It is a disgrace,' said Karen Price, 41.") == [
        (41.0, "years old", "41")
    ]
    assert quantities_found("The scores were 14, 27, and Team Brown, 25.")[-1] == (25, "", "25")
