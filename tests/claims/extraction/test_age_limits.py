"""An age limit on a group of people (2026-12-07, session 30; an Australian social-media ban
written here).

"Australia will ban children under 16 from social media" counted 16 of nothing: after "children
under" (or "anyone over", "adults over") a bare number is an age.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Australia will ban children under 16 from social media.", [(16.0, "years old", "16")]),
        ("The vaccine is offered to adults over 50.", [(50.0, "years old", "50")]),
        ("Teams of under 16 players.", [(16.0, "players", "16 players")]),
        ("There are over 16 children.", [(16.0, "children", "16 children")]),
    ],
)
def test_an_age_limit(text: str, found: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == found
