"""A business named after what it is, at a sentence's start (2026-12-07, session 30; planning
and results copy written here).

Wire copy opens with the business's noun, capitalised there: "Carmaker Stellantis said",
"Insurer Aviva said", "Developer Taylor Wimpey said". Each was a person called "Carmaker
Stellantis" (the page names read "Carmaker" as a given name beside "Stellantis"), "Developer
Taylor Wimpey" a person too. Names that open with such a word stay whole.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Carmaker Stellantis said it would cut 1,100 jobs.", "Stellantis"),
        ("Insurer Aviva said claims rose by £200 million.", "Aviva"),
        ("Chipmaker Nvidia said revenue doubled to $35 billion.", "Nvidia"),
        ("Housebuilder Persimmon said completions rose 8% to 10,500.", "Persimmon"),
        ("Retailer Next said sales rose 4.5% over Christmas.", "Next"),
        ("Developer Taylor Wimpey said 30% of the homes would be affordable.", "Taylor Wimpey"),
    ],
)
def test_the_business_without_its_noun(text: str, speaker: str) -> None:
    unit = unit_with(text, "said")
    assert (unit.speaker, unit.speaker_type) == (speaker, "organization")


def test_names_opening_with_other_business_words_stay_whole() -> None:
    unit = unit_with("Bank of England said inflation would reach 3.7%.", "3.7%")
    assert unit.speaker == "Bank of England"
    unit = unit_with("Club Med said bookings rose 12% this summer.", "12%")
    assert unit.speaker == "Club Med"
