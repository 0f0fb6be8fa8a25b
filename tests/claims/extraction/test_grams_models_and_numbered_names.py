"""Grams, a model with a hyphen, a name opening with a number (2026-12-07, session 32; a recall
notice, a defence story and a robbery written here).

"a 200g pack" and "a 2lb bag" gave no figure ("kg" was read, "g", "lb" and "oz" were not);
"12 F-35A jets" counted 12 "F", "96 AH-64 helicopters" 96 "AH" and "20 Covid-19 patients" 20
"Covid" (the noun reader stops at a hyphen); "A 7-Eleven store was robbed" gave 7; "424 parts
per million" counted 424 "parts"; "cut by 25bps" gave nothing; "52 deaths per million people"
gave a second figure, a million people.
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


def _read(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pack weighs 200g and costs £3.50.", [(200.0, "g"), (3.5, "pounds")]),
        ("A 2lb bag of flour and 8oz of butter.", [(2.0, "lb"), (8.0, "oz")]),
        ("Each bar has 12g of sugar.", [(12.0, "g")]),
        ("The 4g network was switched off.", []),  # a network's generation
        ("The UK has 5G masts in 200 towns.", [(200.0, "towns")]),
    ],
)
def test_weights_glued_on(text: str, expected: list[tuple[float, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UK will buy 12 F-35A jets.", [(12.0, "F-35A jets")]),
        (
            "Poland ordered 96 AH-64 helicopters and 250 M1 tanks.",
            [(96.0, "AH-64 helicopters"), (250.0, "M1 tanks")],
        ),
        ("Russia lost 30 T-90 tanks.", [(30.0, "T-90 tanks")]),
        ("About 20 Covid-19 patients died.", [(20.0, "Covid-19 patients")]),
        ("It has 3 A-level students.", [(3.0, "A-level students")]),  # unchanged
    ],
)
def test_a_model_with_its_hyphen(text: str, expected: list[tuple[float, str]]) -> None:
    assert _read(text) == expected


def test_a_name_that_opens_with_a_number() -> None:
    assert _read("A 7-Eleven store was robbed of $500.") == [(500.0, "dollars")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CO2 levels reached 424 parts per million in May.", [(424.0, "parts per million")]),
        ("The water held 70 parts per trillion of PFAS.", [(70.0, "parts per trillion")]),
        ("The car has 300 parts from China.", [(300.0, "parts")]),
    ],
)
def test_a_concentration(text: str, expected: list[tuple[float, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interest rates were cut by 25bps.", [(25.0, "basis points")]),
        ("A 50bp rise is expected.", [(50.0, "basis points")]),
        ("There were 52 deaths per million people.", [(52.0, "deaths")]),
    ],
)
def test_basis_points_and_a_rates_base(text: str, expected: list[tuple[float, str]]) -> None:
    assert _read(text) == expected
