"""Quantities: value, unit and exact span; years and ordinals are not quantities."""

from __future__ import annotations

import pytest

from claims.extraction import Quantity
from claims.extraction.quantities import find_quantities
from tests.claims.extraction_helpers import quantities_found as _found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US tells 20,000 Russian islanders from disputed Kurils",
            [(20000.0, "Russian islanders", "20,000 Russian islanders")],
        ),
        ("a 412 million euros aid package", [(412e6, "euros", "412 million euros")]),
        ("an aid package of €412m", [(412e6, "euros", "€412m")]),
        ("a $3.5 billion deal", [(3.5e9, "dollars", "$3.5 billion")]),
        ("a £1.2bn loss", [(1.2e9, "pounds", "£1.2bn")]),
        ("3,200 tonnes of cod", [(3200.0, "tonnes", "3,200 tonnes")]),
        ("7 out of 10 stocks", [(0.7, "out of 10", "7 out of 10")]),
        ("one in five adults", [(0.2, "out of 5", "one in five")]),
        ("rose 45% last year", [(45.0, "percent", "45%")]),
        ("fell 45 per cent", [(45.0, "percent", "45 per cent")]),
        ("fell 45 percent", [(45.0, "percent", "45 percent")]),
        # British papers' "pc", glued on or not (it was no quantity glued on)
        ("Unemployment fell to 3.9pc.", [(3.9, "percent", "3.9pc")]),
        ("won 52.4 pc of the vote", [(52.4, "percent", "52.4 pc")]),
        ("He bought 3 PCs.", [(3.0, "PCs", "3 PCs")]),
        (
            "Seventy-five years after the war",
            [(75.0, "years", "Seventy-five years")],
        ),
        ("sovereignty over four islands, located", [(4.0, "islands", "four islands")]),
        ("the first fatality for 50 years.", [(50.0, "years", "50 years")]),
        ("1.5 million people live there", [(1.5e6, "people", "1.5 million people")]),
        (
            "two hundred and fifty thousand people",
            [(250000.0, "people", "two hundred and fifty thousand people")],
        ),
        ("a 10-year plan", [(10.0, "year", "10-year")]),
        ("in five member states", [(5.0, "member states", "five member states")]),
    ],
)
def test_quantities(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 1945, the islands were transferred",
        "in 2006, a fisherman was shot",
        "the conflict's first fatality",
        "the 21st century",
        "15 Feb, 2021 11:59",
        "on February 15 the talks began",
        "COVID-19 hit the G7 states",
        "funds for 2021-2027",
        "one of the largest",
        "the Second World War",
    ],
)
def test_dates_ordinals_and_codes_are_not_quantities(text: str) -> None:
    assert _found(text) == []


def test_a_year_with_a_percent_sign_is_an_amount() -> None:
    assert _found("a 1945% rise") == [(1945.0, "percent", "1945%")]


def test_offsets_are_shifted_by_the_sentence_start() -> None:
    [q] = find_quantities("spent 412 million euros", offset=100)
    assert (q.start, q.end) == (106, 123)


def test_as_dict() -> None:
    quantity = Quantity(20000.0, "Russian islanders", "20,000 Russian islanders", 9, 33)
    assert quantity.as_dict() == {
        "value": 20000.0,
        "unit": "Russian islanders",
        "text": "20,000 Russian islanders",
        "start": 9,
        "end": 33,
    }


def test_a_negated_auxiliary_ends_the_counted_noun() -> None:
    # "one farmer can't fix a river" counted 1 "farmer can't fix" (as "can" it ends the noun).
    assert _found("But one farmer can't fix a river.") == [(1.0, "farmer", "one farmer")]
    assert _found("Two farmers won't sell.") == [(2.0, "farmers", "Two farmers")]
