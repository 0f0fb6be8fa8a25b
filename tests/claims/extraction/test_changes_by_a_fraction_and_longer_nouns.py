"""A change by a fraction, and what was counted when its noun comes fourth or after an adverb
(2026-12-07, session 29; sentencing, Senate and Canadian copy written here).

"It fell by two thirds" was 2 "thirds" (only a fraction before "of" was a share); "1,500 new
Border Patrol agents" counted "new Border Patrol" (three words at most); "138 publicly funded
institutions" counted nothing (an adverb ended the phrase).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell by two thirds.", [(2 / 3, "out of 3", "two thirds")]),
        ("The budget was cut by a third last year.", [(1 / 3, "out of 3", "a third")]),
        ("Turnout rose by one-quarter.", [(1 / 4, "out of 4", "one-quarter")]),
    ],
)
def test_a_change_by_a_fraction_is_a_share(text: str, expected: list) -> None:
    assert quantities_found(text) == expected


@pytest.mark.parametrize(
    "text", ["He left by a quarter past nine.", "Rates rose by a quarter-point."]
)
def test_times_and_points_are_no_shares(text: str) -> None:
    assert all(unit != "out of 4" for _, unit, _ in quantities_found(text))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It would fund 1,500 new Border Patrol agents.", "new Border Patrol agents"),
        ("The group represents 138 publicly funded institutions.", "publicly funded institutions"),
        ("Some 2 million fully vaccinated people caught it.", "fully vaccinated people"),
        # guards: a plural still ends the phrase, and an adverb after the noun is no part of it
        ("Three new Labour MPs said so.", "new Labour MPs"),
        ("About 20 people recently arrived.", "people"),
        ("Prices rose 5% weekly.", "percent"),
    ],
)
def test_what_was_counted(text: str, unit: str) -> None:
    assert quantities_found(text)[0][1] == unit


@pytest.mark.parametrize(
    "text", ["Of those, 56 chose to continue.", "About 300 fled the town.", "12 stood trial."]
)
def test_an_irregular_past_tense_counts_nothing(text: str) -> None:
    # opinion copy, session 29: "56 chose" counted "chose"
    assert quantities_found(text)[0][1] == ""


@pytest.mark.parametrize(
    "text",
    [
        "The US must speak with one voice on immigration.",
        "They helped one another.",
        "They left one by one.",
        "The debt was paid in one go.",
    ],
)
def test_idioms_with_one_count_nothing(text: str) -> None:
    # court copy, session 29: "speak with one voice" was 1 "voice"
    assert quantities_found(text) == []


def test_one_before_a_noun_still_counts() -> None:
    assert quantities_found("They met in one room.") == [(1.0, "room", "one room")]


@pytest.mark.parametrize(
    "text",
    [
        "Aspirin cut the risk by 22% (95% CI 12-31%) in a trial.",
        "The hazard ratio was 1.38 (95% confidence interval 1.18 to 1.62).",
    ],
)
def test_a_confidence_level_is_no_figure(text: str) -> None:
    # medical copy, session 29: "95% CI" was 95 percent, a figure no editor checks
    assert all(value != 95.0 for value, _, _ in quantities_found(text))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("An average of 56 per boat made the crossing.", "per boat"),
        ("About 20 per day.", "per day"),
    ],
)
def test_a_rate_per_one_thing(text: str, unit: str) -> None:
    # Channel crossings copy, session 29: "56 per boat" counted nothing
    assert quantities_found(text)[0][1] == unit
