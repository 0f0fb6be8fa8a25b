""" "The Rail Delivery Group, which represents the operators, welcomed the decision. A spokesman
said ..." (2026-12-07, session 33; a rail strike story written here).

The spokesman was nobody's: a name opening a sentence before an apposition ("The Rail Delivery
Group, which ...,") was the sentence's organisation only if the page had described it so, and
an unnamed spokesman read only the organisation that spoke. A name of several words with an
organisation's word in it opens its sentence as an organisation now, and "A spokesman said"
after it is its spokesman.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

STAND = (
    "The {name}, which represents the operators, welcomed the decision. "
    "A spokesman said 2 services would run as normal."
)


def test_the_organisations_spokesman() -> None:
    text = STAND.format(name="Rail Delivery Group")
    assert speaker_of(text, "2 services") == "Rail Delivery Group spokesman"


def test_a_person_opening_the_sentence_before_lends_no_spokesman() -> None:
    text = (
        "Mick Whelan, who leads the union, welcomed the decision. "
        "A spokesman said 2 services would run as normal."
    )
    assert speaker_of(text, "2 services") == ""
