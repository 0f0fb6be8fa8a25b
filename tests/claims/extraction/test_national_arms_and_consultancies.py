"""A business's arm in a country, and "the consultancy" (2026-12-07, session 29; Mumbai
property copy written here).

"Knight Frank India said" was typed a person ("Frank" is a given name) and "the consultancy
added" was nobody's. A name of capitalised words ending with a country is a business's arm there
(a few countries that are also surnames excepted: "Steve Israel" stays a person); "consultancy"
is an organisation noun, also one that introduces a name ("property consultancy Zapkey").
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, speaker_type
from tests.claims.extraction_helpers import speaker_of, unit_with


@pytest.mark.parametrize("name", ["Knight Frank India", "Amazon Japan", "Samsung Electronics UK"])
def test_a_business_arm_in_a_country_is_an_organisation(name: str) -> None:
    assert speaker_type(name) == ORGANIZATION


@pytest.mark.parametrize(
    "name", ["Steve Israel", "Brian France", "Tom Holland", "Prime Minister of India"]
)
def test_people_named_like_countries_stay_people(name: str) -> None:
    assert speaker_type(name) == PERSON


def test_the_arm_speaks_as_an_organisation_in_a_page() -> None:
    text = "Prices rose 11% last year, Knight Frank India said in a report released on Monday."
    unit = unit_with(text, "11%")
    assert (unit.speaker, unit.speaker_type) == ("Knight Frank India", ORGANIZATION)


def test_the_consultancy_is_the_consultancy_named_before() -> None:
    text = (
        "Property consultancy Anarock said prices rose 11% last year. "
        "About 120,000 homes were sold in the region in 2023, the consultancy added."
    )
    assert speaker_of(text, "120,000") == "Anarock"
