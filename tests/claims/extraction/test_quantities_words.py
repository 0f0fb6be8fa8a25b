"""Numbers that are not figures (issue 14): number words in names and compounds, phone numbers,
numbers used as names, and "One" as a determiner. Inputs modelled on the real pages where an
editor found them ("World War One film" gave 1 film, "zero-hours" 0 hours, a helpline 1); the
real figures around them must stay."""

from __future__ import annotations

import pytest

from claims.extraction.phones import phone_numbers
from tests.claims.extraction_helpers import quantities_found as _found


@pytest.mark.parametrize(
    "text",
    [
        "Those left out include immersive World War One film “1917,” the big winner",
        "He won the Formula One title twice",
        "the BBC One programme was watched",
        "a plan to replace Air Force One jets",
        "after Apollo 11 landed on the moon",
        "a debate on Channel 4 last night",
        "the EU's Article 50 process",
        "Downing Street and Number 10 declined to comment",
    ],
)
def test_numbers_inside_names_are_not_quantities(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "workers on zero-hours contracts",
        "a zero-tolerance policy",
        "a one-off payment",
        "warned against a “one-size-fits-all” approach",
        "a one-sided contest",
        "father-of-three Chris Anderson",
        "the mother-of-two said",
    ],
)
def test_number_words_in_compounds_are_not_quantities(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "call the National Suicide Prevention Lifeline at 1-800-273-8255 or text HOME to 741741.",
        "Call (800) 273-8255 for help",
        "ring +44 20 7946 0958 for details",
        "call 020 7946 0958 today",
        "Samaritans can be contacted on 116 123.",
        "In an emergency, call 999.",
    ],
)
def test_phone_numbers_are_not_quantities(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("call 1-800-273-8255 now", [(5, 19)]),
        ("a population of 1 600 000", []),  # thousands separated by spaces
        ("on 2021-02-15 and 15.02.2021", []),  # dates
        ("Officials will call 300 families", []),
    ],
)
def test_phone_number_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert phone_numbers(text) == spans


@pytest.mark.parametrize(
    "text",
    [
        "One academic told the BBC the plan would fail",
        "“One resident said the water was brown",
        "overlaps with the one held by Rep. Alexandria Ocasio-Cortez",
        "in inspecting one such bit.ly link",
        "the most notorious of the three above",
    ],
)
def test_one_as_a_determiner_or_pronoun_is_not_a_quantity(text: str) -> None:
    """ "One academic told ..." picks out an unnamed member of a group; it is not a count an
    editor checks, and "1 academic" on the claim would read as if it were."""
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US tells 20,000 Russian islanders from disputed Kurils",
            [(20000.0, "Russian islanders", "20,000 Russian islanders")],
        ),
        ("One in five adults", [(0.2, "out of 5", "One in five")]),
        ("Only one death was recorded", [(1.0, "death", "one death")]),
        (
            "from one day a week to five days a week",
            [(1.0, "day", "one day"), (5.0, "days", "five days")],
        ),
        (
            "Spain has recorded about 157,000 cases and Italy 143,600",
            [(157000.0, "cases", "157,000 cases"), (143600.0, "", "143,600")],
        ),
        ("Labour 45%, the Conservatives 30%", [(45.0, "percent", "45%"), (30.0, "percent", "30%")]),
        ("About 25 bodies a week", [(25.0, "bodies", "25 bodies")]),
        ("Nearly 500 people", [(500.0, "people", "500 people")]),
        ("On Tuesday 15 people died", [(15.0, "people", "15 people")]),
        ("a £1,000 fine for a first offence", [(1000.0, "pounds", "£1,000")]),
        ("the seven-day rate", [(7.0, "day", "seven-day")]),
        ("a 10-year-old boy", [(10.0, "years old", "10-year-old")]),  # an age, as "Prelogar, 43"
        ("the daily rise was 777 - down from 799", [(777.0, "", "777"), (799.0, "", "799")]),
    ],
)
def test_real_figures_beside_them_are_kept(text: str, expected: list) -> None:
    assert _found(text) == expected
