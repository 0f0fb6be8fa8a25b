"""Naira written with a plain N, as Nigerian papers write it (2026-12-07, session 30; listed as
still wrong in session 29, from a fuel-price story written there).

"Petrol now sells for N1,030 per litre" had no figure. An N before thousands or a scale is the
naira; "N95 masks", the N1 road and a bare "N500" stay no money.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import quantities_found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Petrol now sells for N1,030 per litre in Lagos.", [(1030.0, "naira", "N1,030")]),
        ("The budget is N4.5 trillion.", [(4.5e12, "naira", "N4.5 trillion")]),
        ("Rates hit N1,500,000 last year.", [(1.5e6, "naira", "N1,500,000")]),
        ("Nurses must wear N95 masks.", []),
        ("Drive on the N1 for 20 km.", [(20.0, "km", "20 km")]),
    ],
)
def test_naira_with_an_n(text: str, found: list[tuple[float, str, str]]) -> None:
    assert quantities_found(text) == found
