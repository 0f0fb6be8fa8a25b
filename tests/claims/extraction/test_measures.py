"""Measures found by reading short articles written for the tests in the styles of energy,
motoring, air-quality, property and engineering news (2026-12-06, session 24): metres glued on
before a dimension, and units written with a symbol ("µg/m³", "g/km", "mpg", "sq m")."""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Was 45 million "high".
        ("The bridge is 45m high.", [(45, "metres", "45m")]),
        ("a 300m-long tunnel", [(300, "metres", "300m")]),
        ("The dam is 1,200m wide.", [(1200, "metres", "1,200m")]),
        # A range in metres, its dimension after it (was no figure).
        ("the 20-25m high waves", [(20, "metres", "20-25m")]),
    ],
)
def test_metres_glued_on_before_a_dimension(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He earned 3.5m last year.", [(3_500_000, "", "3.5m")]),  # millions, as before
        ("a £20m contract", [(20_000_000, "pounds", "£20m")]),
    ],
)
def test_m_without_a_dimension_is_still_millions(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each was no figure, or a figure without its unit ("150", "45 sq").
        ("Pollution reached 150 µg/m³ in Delhi.", [(150, "µg/m³", "150 µg/m³")]),
        ("PM2.5 levels hit 85μg/m³ on Sunday.", [(85, "µg/m³", "85μg/m³")]),
        ("It emits 120g/km of CO2.", [(120, "g/km", "120g/km")]),
        ("The car does 55mpg.", [(55, "mpg", "55mpg")]),
        ("The flat measures 45 sq m.", [(45, "square metres", "45 sq m")]),
        ("The office has 2,000 sq ft of space.", [(2000, "square feet", "2,000 sq ft")]),
        ("The park covers 2,000 km² of forest.", [(2000, "square kilometres", "2,000 km²")]),
    ],
)
def test_units_written_with_symbols(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Was 2 "thirds", and "a third", "half" were no figure at all.
        ("Two-thirds of voters backed the plan.", [(2 / 3, "out of 3", "Two-thirds")]),
        ("About a third of adults are obese.", [(1 / 3, "out of 3", "a third")]),
        ("Three quarters of the money went to London.", [(0.75, "out of 4", "Three quarters")]),
        ("One-fifth of staff left.", [(0.2, "out of 5", "One-fifth")]),
        (
            "Black Chicagoans account for half of all the city's cases.",
            [(0.5, "out of 2", "half")],
        ),
    ],
)
def test_a_fraction_in_words_is_a_share(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose in the first half of the year.",
        "The queue was cut in half.",
        "It took half an hour.",
        "The third child was born in 1990.",
    ],
)
def test_a_half_that_is_no_share(text: str) -> None:
    assert quantities_found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Was "a million people" (1,000,000): the half was lost.
        (
            "Half a million people signed the petition.",
            [(500_000, "people", "Half a million people")],
        ),
        (
            "A quarter of a million homes lost power.",
            [(250_000, "homes", "A quarter of a million homes")],
        ),
        (
            "Three-quarters of a billion dollars was spent.",
            [(750_000_000, "dollars", "Three-quarters of a billion dollars")],
        ),
    ],
)
def test_a_fraction_of_a_million(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each was a hundred million (or four hundred million ...) of nothing.
        (
            "He ran 100m in 9.58 seconds.",
            [(100, "metres", "100m"), (9.58, "seconds", "9.58 seconds")],
        ),
        ("She won the 400m hurdles final.", [(400, "metres", "400m")]),
        ("He won the 100m.", [(100, "metres", "100m")]),
        ("The 1500m freestyle record fell.", [(1500, "metres", "1500m")]),
        # Still millions without an event.
        ("The firm raised 100m last year.", [(100_000_000, "", "100m")]),
    ],
)
def test_a_races_distance_is_metres(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == expected


def test_minus_in_words_before_a_temperature() -> None:
    # Was 12 °C.
    assert quantities_found("It fell to minus 12C overnight.") == [(-12, "°C", "minus 12C")]


def test_the_last_age_of_a_list_of_people() -> None:
    text = "The office identified the victims as Jamal Harris, 27, and Keisha Brown, 25."
    # 25 had no unit: only an age followed by a comma was read as one.
    assert quantities_found(text) == [(27, "years old", "27"), (25, "years old", "25")]


def test_a_number_after_a_list_that_is_no_list_of_ages() -> None:
    assert quantities_found("The scores were 14, 27, and Team Brown, 25.")[-1] == (25, "", "25")
