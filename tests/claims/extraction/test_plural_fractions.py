""" "Two-thirds were worried" (2026-12-07, session 32; a heatwave poll written here).

A fraction was a share only before "of" ("two-thirds of adults": 0.667 out of 3); without it,
"two-thirds were worried", "three-quarters voted" and "a two-thirds majority" were read as a
count, 2 "thirds" and 3 "quarters". A plural fraction written with its hyphen is always the
share. "We have cut the deficit by half" gave nothing: "by half" is a change as a share, as
"by a third" was (not "by half an hour", "by half-time"). "conceded 11 in 15 games" was a share
(0.73 out of 15): a tally over a span is no share unless its base is a round one ("one in 14
adults" still is).
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Two-thirds were worried about the heat.", 2 / 3, "out of 3"),
        ("Three-quarters voted for the deal.", 0.75, "out of 4"),
        ("The bill needs a two-thirds majority.", 2 / 3, "out of 3"),
        ("Prices fell by two-thirds.", 2 / 3, "out of 3"),
        # unchanged
        ("About two-thirds of the money was spent.", 2 / 3, "out of 3"),
        ("The bank cut rates by three-quarters of a percentage point.", 0.75, "percentage points"),
    ],
)
def test_the_share(text: str, value: float, unit: str) -> None:
    [quantity] = find_quantities(text)
    assert (round(quantity.value, 4), quantity.unit) == (round(value, 4), unit)


def test_both_shares_of_a_comparison() -> None:
    found = find_quantities("Three-quarters voted for the deal, up from two-thirds in 2019.")
    assert [(round(q.value, 4), q.unit) for q in found] == [
        (0.75, "out of 4"),
        (0.6667, "out of 3"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We have cut the deficit by half.", [(0.5, "out of 2")]),
        ("Prices fell by half in 2023.", [(0.5, "out of 2")]),
        ("The match was delayed by half an hour.", []),
        ("He was ahead by half-time.", []),
    ],
)
def test_by_half(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His side had conceded 11 in 15 games.", [(11.0, ""), (15.0, "games")]),
        ("About 1 in 4 adults are obese.", [(0.25, "out of 4")]),
        ("Nine in 10 adults own a phone.", [(0.9, "out of 10")]),
        ("Around 3 in 100 people carry the gene.", [(0.03, "out of 100")]),
        ("One in 14 people have diabetes.", [(1 / 14, "out of 14")]),
    ],
)
def test_a_tally_is_no_share(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected
