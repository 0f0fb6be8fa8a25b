"""Reuters markets copy (2026-12-07, session 28; an oil-price story written here).

"Goldman Sachs raised its Brent forecast to $95 a barrel" made "Brent" the speaker ("forecast"
read as its verb); "by 1030 GMT" was a figure of 1,030.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON
from claims.extraction.quantities import find_quantities
from tests.claims.extraction_helpers import speaker_of, unit_with


def test_a_verb_after_an_owner_and_a_name_is_a_noun() -> None:
    text = "Goldman Sachs raised its Brent forecast to $95 a barrel for December."
    assert speaker_of(text, "$95") != "Brent"
    # "The Met said": a name after "the" still speaks
    assert speaker_of("The Met said 40 people were arrested.", "40") == "Met"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Brent was at $84.19 a barrel by 1030 GMT.", [84.19]),
        ("Markets opened at 0900 ET with 40 stocks up.", [40.0]),
        ("He won 5 et cetera.", [5.0]),
    ],
)
def test_a_time_with_its_zone_is_no_figure(sentence: str, figures: list[float]) -> None:
    assert [q.value for q in find_quantities(sentence)] == figures


def test_a_firm_that_polled_is_an_organisation() -> None:
    # "Visible Alpha" (two capitalised words, no given name) was typed a person
    text = "Analysts had expected 1.8 million deliveries, according to a poll by Visible Alpha."
    unit = unit_with(text, "1.8 million")
    assert (unit.speaker, unit.speaker_type) == ("Visible Alpha", ORGANIZATION)
    text = "Support for the plan rose to 40%, according to a survey by John Smith."
    assert unit_with(text, "40%").speaker_type == PERSON


@pytest.mark.parametrize("name", ["OPEC+", "Disney+"])
def test_a_plus_is_part_of_a_name(name: str) -> None:
    # "OPEC+" was "OPEC": the tokeniser left the plus out of the name
    assert speaker_of(f"{name} said it would cut output by 2 million a day.", "2 million") == name
