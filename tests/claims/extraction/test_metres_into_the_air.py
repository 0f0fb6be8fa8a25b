""" "sending lava 50m into the air" (2026-12-07, session 33; a volcano story written here).

"50m" glued is millions in British news unless a dimension follows ("45m high"); "lava 50m
into the air" was read as 50,000,000. A height named after it is a dimension too: "into the
air", "above sea level", "underground", "beneath". Money stays money.
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The eruption sent lava 50m into the air.", 50.0),
        ("Plumes rose 3-4m into the air.", 3.0),
        ("The town is 300m above sea level.", 300.0),
        ("The mine is 1,200m underground.", 1200.0),
        ("The wreck lies 40m beneath the surface.", 40.0),
    ],
)
def test_a_height_is_in_metres(text: str, value: float) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, "metres")]


@pytest.mark.parametrize(
    "text", ["The firm raised 50m from investors.", "He earned 5m above his salary."]
)
def test_money_stays_millions(text: str) -> None:
    assert [q.value for q in find_quantities(text)] == [50e6 if "50m" in text else 5e6]
