"""Figures written with two imperial units, ranks written "top 10", and a technology's name
between a count and its noun (2026-12-07, session 31; session 30's list: a police appeal, a
golf report and a story on attacks on phone masts written here).

"5ft 10in" was 5 ft; "a top 10 finish" was ten finishes; "200 5G masts" was 200 of nothing
and "30 million iPhone 16 handsets" 30 million iPhones; "eight three-pointers" (a basketball
report) was 11 pointers: two spelled numbers side by side are two.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The suspect is 5ft 10in tall.", (70.0, "inches", "5ft 10in")),
        ("She is 5 feet 4 inches tall.", (64.0, "inches", "5 feet 4 inches")),
        ("He weighs 15st 4lb.", (214.0, "lb", "15st 4lb")),
    ],
)
def test_two_imperial_units_are_one_figure(text: str, expected: tuple) -> None:
    assert quantities_found(text) == [expected]


def test_one_imperial_unit_stays_as_written() -> None:
    assert quantities_found("The wall is 6ft high.") == [(6.0, "ft", "6ft")]


@pytest.mark.parametrize(
    "text",
    [
        "She secured a top 10 finish in the Masters.",
        "It was her first top-20 place since the spring.",
    ],
)
def test_a_rank_is_no_count(text: str) -> None:
    assert quantities_found(text) == []


def test_the_top_ten_of_many_things_is_a_count() -> None:
    assert quantities_found("The top 10 companies made $5bn.")[0] == (
        10.0,
        "companies",
        "10 companies",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vandals attacked 200 5G masts last year.", (200.0, "5G masts", "200 5G masts")),
        ("The school bought 40 3D printers.", (40.0, "3D printers", "40 3D printers")),
        (
            "Apple sold 30 million iPhone 16 handsets.",
            (30_000_000.0, "iPhone 16 handsets", "30 million iPhone 16 handsets"),
        ),
    ],
)
def test_a_technology_named_before_the_noun_counted(text: str, expected: tuple) -> None:
    assert quantities_found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Curry hit eight three-pointers.",
            (8.0, "three-pointers", "eight three-pointers"),
        ),
        ("She won five three-set matches.", (5.0, "three-set matches", "five three-set matches")),
        ("Twenty three people died.", (23.0, "people", "Twenty three people")),
    ],
)
def test_two_spelled_numbers_side_by_side_are_not_added(text: str, expected: tuple) -> None:
    # session 31: "eight three-pointers" counted 11 pointers
    assert quantities_found(text) == [expected]
