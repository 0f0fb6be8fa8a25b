"""An organisation named "Friends of ...", and a place's body (2026-12-07, session 29; Heathrow
runway copy written here).

"Friends of the Earth said the expansion was incompatible ..." was nobody's (read as "Allies of
Boris Johnson said": people around someone). Once it spoke, "The airport, which handled 83.9
million passengers last year, said" (a paragraph before) waited for the next organisation and
took it, and "according to the airport's own estimates" went to Greenpeace UK: "the airport" is
a body named like a place (one word: "Heathrow"), or named or remembered as the airport, never
a business of another name.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

RUNWAY = (
    "Heathrow chief executive Thomas Woldbye welcomed the decision. The airport, which handled "
    "83.9 million passengers last year, said it would submit plans by the summer.\n\n"
    'Friends of the Earth said the expansion was "incompatible" with 2050 targets, while '
    'Greenpeace UK called it "a betrayal".\n\n'
    "Around 700 homes would have to be demolished, according to the airport's own estimates."
)


def test_friends_of_the_earth_is_an_organisation() -> None:
    assert speaker_of(RUNWAY, "2050 targets") == "Friends of the Earth"
    # guard: people around someone stay unnamed
    text = "Allies of the president said the plan would cost $2bn."
    assert speaker_of(text, "$2bn") == ""


def test_the_airport_is_never_a_campaign_group() -> None:
    # Session 30: "Heathrow chief executive Thomas Woldbye" makes Heathrow the organisation
    # named, so "The airport ... said" is Heathrow (it was nobody's; never Greenpeace UK)
    assert speaker_of(RUNWAY, "83.9 million") == "Heathrow"
    assert speaker_of(RUNWAY, "700 homes") == "Heathrow"


def test_the_airport_is_still_the_one_word_airport_named_before() -> None:
    text = (
        "Heathrow has cancelled 1,300 flights after a fire. The airport said it expected to be "
        "fully operational on Saturday."
    )
    assert speaker_of(text, "fully operational") == "Heathrow"


def test_the_airport_named_with_its_noun_in_the_same_sentence() -> None:
    # review of session 29: the place rule had dropped every name of two words
    text = "Gatwick Airport handled 40.9 million passengers last year, the airport said."
    assert speaker_of(text, "40.9 million") == "Gatwick Airport"
