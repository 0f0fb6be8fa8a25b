""" "Channel 4 News said", "BBC Radio 4 said", "Microsoft 365 Status posted on X"
(2026-12-07, session 33; "Microsoft 365 Status" found in session 32, the others written here).

A name run stopped at a number: "News", nobody, "Status". A number of up to three digits after
a capitalised word of the name is part of it, and a name with a number is an organisation
("Formula 1" was a person). A year, a day of a month and a count after "The" are not.
"""

from __future__ import annotations

import pytest

from claims.extraction.speaker_types import ORGANIZATION
from tests.claims.extraction_helpers import speaker_of, unit_with


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Channel 4 News said 2 reporters were hurt.", "Channel 4 News"),
        ("BBC Radio 4 said 2 reporters were hurt.", "BBC Radio 4"),
        ("Microsoft 365 Status posted on X that 2 services were down.", "Microsoft 365 Status"),
        ("Formula 1 said 2 races were cancelled.", "Formula 1"),
    ],
)
def test_the_number_is_part_of_the_name(text: str, expected: str) -> None:
    unit = unit_with(text, "2 ")
    assert (unit.speaker, unit.speaker_type) == (expected, ORGANIZATION)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023 Apple said 2 phones were recalled.", "Apple"),
        ("On March 3 Google said 2 services failed.", "Google"),
    ],
)
def test_years_and_days_stay_out(text: str, expected: str) -> None:
    assert speaker_of(text, "2 ") == expected
