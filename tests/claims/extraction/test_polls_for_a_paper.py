"""A poll by one firm for a paper, and a lead in points (2026-12-07, session 29; polling copy
written here).

"..., according to a survey by YouGov for The Times." was "YouGov for The Times"'s (the
pollster's name ran on over "for"), and "one point ahead of Labour" counted "point ahead".
"""

from __future__ import annotations

from tests.claims.extraction_helpers import quantities_found, speaker_of


def test_the_pollster_not_the_paper() -> None:
    text = "Reform UK leads with 25%, according to a survey by YouGov for The Times."
    assert speaker_of(text, "25%") == "YouGov"


def test_a_lead_counts_points() -> None:
    found = quantities_found("Reform is on 25%, one point ahead of Labour.")
    assert (1.0, "point", "one point") in found
