"""Counts of aircraft named by their model, and an agency's administrator (2026-12-07, session
29; grounding copy written here).

"about 171 Max 9 planes" held no figure ("171 Max" was read as a model's name, as "the 737
Max"), "65 Boeing 737 Max 9 aircraft" counted nothing ("Boeing" ended the phrase as a verb's
-ing would, and a model's number ended it too), and "FAA Administrator Mike Whitaker said" was
"FAA Administrator Mike Whitaker"'s ("Administrator" was no title).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found, speaker_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The FAA grounded about 171 Max 9 planes.", (171.0, "Max 9 planes")),
        ("Alaska grounded its 65 Boeing 737 Max 9 aircraft.", (65.0, "Boeing 737 Max 9 aircraft")),
        ("It flies 20 Boeing jets.", (20.0, "Boeing jets")),
        ("It bought 40 Airbus A320 jets.", (40.0, "Airbus A320 jets")),
    ],
)
def test_a_count_of_a_model(text: str, expected: tuple[float, str]) -> None:
    assert quantities_found(text)[0][:2] == expected


def test_a_models_name_is_still_no_count() -> None:
    assert quantities_found("The 737 Max crashed twice.") == []


def test_an_agencys_administrator_is_the_person() -> None:
    text = 'FAA Administrator Mike Whitaker said safety would "drive our decisions" in 2024.'
    assert speaker_of(text, "2024") == "Mike Whitaker"
