"""An organisation's name after the verb, and a body's forecast (2026-12-07, session 31; a
Bank of England story written here).

"Inflation to fall below 2%, says Bank of England" was "England"'s and "..., says Office for
Budget Responsibility" "Budget Responsibility"'s: a word joining a name's capitalised words
was read as the end of a role before the name. "..., the Bank of England has forecast." named
nobody ("forecast" was a verb of saying only as "forecasts").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Inflation will fall below 2%, says Bank of England.", "Bank of England"),
        ("Inflation will fall below 2%, says the Bank of England.", "Bank of England"),
        (
            "Prices will rise 5%, says Office for Budget Responsibility.",
            "Office for Budget Responsibility",
        ),
        (
            "Inflation will fall below 2%, says Bank of England governor Andrew Bailey.",
            "Andrew Bailey",
        ),
        (
            "Rates will rise 2%, said Department of Correction spokesman Jason Kersten.",
            "Jason Kersten",
        ),
    ],
)
def test_the_name_after_the_verb_whole(text: str, speaker: str) -> None:
    assert speaker_of(text, "%") == speaker


def test_a_body_has_forecast() -> None:
    text = "Inflation will fall below 2% by the spring, the Bank of England has forecast."
    assert speaker_of(text, "2%") == "Bank of England"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Crime fell 5%, said Director of Public Prosecutions Max Hill.", "Max Hill"),
        ("Crime fell 7%, said Chancellor of the Exchequer Rachel Reeves.", "Rachel Reeves"),
        ("Crime fell 6%, said Secretary of State Antony Blinken.", "Antony Blinken"),
    ],
)
def test_an_office_of_a_field_before_the_name(text: str, person: str) -> None:
    # "Public Prosecutions Max Hill", "Exchequer Rachel Reeves", "State Antony Blinken" were
    # the speakers: the office's field was read as part of the name
    assert speaker_of(text, "%") == person
