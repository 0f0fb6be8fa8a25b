"""Figures found by reading short articles written for the tests in the styles of weather,
central-bank and parliamentary news (2026-12-07, session 25): a sign written as a word before a
temperature or a rate, and a chamber's tally after the verb that names its decision."""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each was the positive figure ("12 degrees").
        (
            "Temperatures fell to minus 12 degrees in Braemar.",
            [(-12, "degrees", "minus 12 degrees")],
        ),
        ("It was minus 40 degrees Fahrenheit.", [(-40, "degrees", "minus 40 degrees")]),
        ("The deposit rate stayed at minus 0.1%.", [(-0.1, "percent", "minus 0.1%")]),
        ("Minus 5 percent was the worst quarter.", [(-5, "percent", "Minus 5 percent")]),
        ("Forecasters expect lows of minus 5C.", [(-5, "°C", "minus 5C")]),  # as before
    ],
)
def test_minus_before_a_temperature_or_rate_is_below_zero(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A margin of error is no figure below zero.
        (
            "The poll has a margin of error of plus or minus 3 percent.",
            [(3, "percent", "3 percent")],
        ),
        # Arithmetic: the word stands after a figure.
        (
            "Revenue was 72 minus 5 percent of costs.",
            [(72, "minus", "72 minus"), (5, "percent", "5 percent")],
        ),
        # Only a temperature or a rate takes the sign: points keep their figure.
        ("The club finished minus 3 points.", [(3, "points", "3 points")]),
    ],
)
def test_minus_elsewhere_keeps_the_figure(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each was no figure.
        (
            "The House of Representatives passed the measure 366-34 on Thursday.",
            [(366, "votes to 34", "366-34")],
        ),
        ("The Senate approved a similar version 85-14 last month.", [(85, "votes to 14", "85-14")]),
        ("The bill passed 52-48.", [(52, "votes to 48", "52-48")]),
        ("Lawmakers rejected the motion 310-290.", [(310, "votes to 290", "310-290")]),
        ("The assembly adopted the resolution 141-5.", [(141, "votes to 5", "141-5")]),
        ("The House voted 366-34.", [(366, "votes to 34", "366-34")]),  # as before
    ],
)
def test_a_chambers_tally_after_its_decision(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sinner beat Alcaraz 6-4, 6-4 to win the title.",
        "The court upheld the law in a 6-3 ruling.",
        "He passed the ball twice and they won 2-1.",
    ],
)
def test_a_score_is_still_no_tally(text: str) -> None:
    assert quantities_found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The spelled lower end was no figure (the upper end was).
        (
            "Between two and three million people could be affected.",
            [(2_000_000, "people", "two"), (3_000_000, "people", "three million people")],
        ),
        ("five to 10 people died", [(5, "people", "five"), (10, "people", "10 people")]),
        (
            "from two to three per cent",
            [(2, "percent", "two"), (3, "percent", "three per cent")],
        ),
    ],
)
def test_a_spelled_lower_end_takes_the_ranges_unit(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


def test_a_spelled_number_before_and_alone_is_still_no_figure() -> None:
    assert quantities_found("It happened between two and three of them.") == []


def test_a_radio_stations_name_is_no_measure() -> None:
    # Was 2 GB.
    assert quantities_found("she told 2GB radio on Tuesday") == []
    assert quantities_found("The phone has 2GB of memory.") == [(2, "GB", "2GB")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first day of two was a figure (10).
        (
            "Strikes will take place on 10 and 11 April, affecting 100 hospitals.",
            [(100, "hospitals", "100 hospitals")],
        ),
        ("The festival runs from 3 to 5 May.", []),
        ("the 10-11 March talks", []),
        # Not before a month: a range as before.
        ("Between 10 and 20 people died.", [(10, "people", "10"), (20, "people", "20 people")]),
    ],
)
def test_the_first_day_of_two_is_a_date(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == expected


def test_one_source_after_according_to_is_no_count() -> None:
    # Was 1 colleague.
    assert quantities_found("She was devastated, according to one colleague.") == []
    assert quantities_found("According to one in five adults, it is.") == [
        (0.2, "out of 5", "one in five")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each was no figure, or a share "out of 4".
        ("The Fed cut rates by a quarter-point.", [(0.25, "percentage points", "a quarter-point")]),
        ("A half-point rate cut is possible.", [(0.5, "percentage points", "A half-point")]),
        (
            "Rates rose by three-quarters of a percentage point.",
            [(0.75, "percentage points", "three-quarters of a percentage point")],
        ),
        (
            "The bank cut by a quarter of a percentage point.",
            [(0.25, "percentage points", "a quarter of a percentage point")],
        ),
        # A chess score is no rate; a share stays a share.
        ("Carlsen holds a half-point lead.", []),
        ("Two-thirds of voters backed it.", [(2 / 3, "out of 3", "Two-thirds")]),
    ],
)
def test_a_fraction_of_a_percentage_point(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


def test_a_fraction_of_a_length_of_time_is_no_share() -> None:
    # Was a share of 0.25 "out of 4".
    assert quantities_found("It took a quarter of an hour.") == []
    assert quantities_found("A third of a century later, it reopened.") == []
