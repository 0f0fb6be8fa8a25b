"""An age written with hyphens is an age (2026-12-07, session 27; a tennis report written
here): "The 37-year-old Serb" held 37 "year-old", while "Prelogar, 43," holds 43 "years old";
the guard of claim matching compares units, so one age written two ways did not match."""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 37-year-old Serb won his 100th title.", (37, "years old")),
        ("A six-month-old baby was found safe.", (6, "months old")),
        ("The 2-day-old foal survived.", (2, "days old")),
        ("Prelogar, 43, argues the case.", (43, "years old")),
        ("The firm set out a 10-year plan.", (10, "year")),
    ],
)
def test_an_age_with_hyphens_is_years_old(text: str, expected: tuple[int, str]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [expected]


def test_models_listed_with_a_model_are_no_counts() -> None:
    # "767 jets" and "777 jets" were counts of jets.
    text = "The strike has halted production of the 737 Max, 767 and 777 jets."
    assert find_quantities(text) == []
    counted = find_quantities("Boeing delivered the 737 Max, 300 jets in May.")
    assert [(q.value, q.unit) for q in counted] == [(300, "jets")]


@pytest.mark.parametrize("text", [" 20 people died.", ", 20 people died.", "\n20 people died."])
def test_a_count_after_leading_space_or_comma_with_no_model_before(text: str) -> None:
    # The model-list rule raised IndexError here (no model named before the list's separator).
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(20, "people")]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # session 28: an age after ", who was", nothing after it to say what it counts
        ("Police said the woman, who was 67 and from Newark, died at the scene.", "years old"),
        ("The driver, who is 34, was not hurt.", "years old"),
        ("Smith, who was 67 points behind, finished third.", "points"),
    ],
)
def test_an_age_after_who_was(sentence: str, unit: str) -> None:
    numbers = [q for q in find_quantities(sentence) if q.value in {67, 34}]
    assert [q.unit for q in numbers] == [unit]


def test_an_age_group_is_their_age() -> None:
    # session 28: "among five-year-olds" was 5 "year-olds"
    ages = find_quantities("MMR rates fell to 84.5% among five-year-olds.")
    assert [(q.value, q.unit) for q in ages] == [(84.5, "percent"), (5.0, "years old")]
