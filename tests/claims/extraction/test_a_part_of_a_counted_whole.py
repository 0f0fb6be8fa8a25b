""" "won 175 of the 300 seats" (2026-12-07, session 33; an election story written here).

The part of a counted whole had no unit: "175" alone beside "300 seats", "12" beside "20
goals". It is counted in the whole's unit. A share ("3 of 10 voters") stays a share, and a
part larger than its whole or a whole with no unit after it gives the part no unit.
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


def _read(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.text) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The Democratic Party won 175 of the 300 seats.", (175.0, "seats", "175")),
        ("She scored 12 of her 20 goals at home.", (12.0, "goals", "12")),
        ("The team won 8 of 12 matches.", (8.0, "matches", "8")),
        ("40 of its 80 graduates entered the academies.", (40.0, "graduates", "40")),
        ("In 2019, 40 of the 2,000 staff left.", (40.0, "staff", "40")),
    ],
)
def test_the_part_is_counted_in_the_wholes_unit(text: str, part: tuple) -> None:
    found = _read(text)
    assert found[0] == part
    assert len(found) == 2  # the whole is read as before


def test_shares_and_odd_parts_stay_as_they_were() -> None:
    assert _read("Only 3 of 10 voters agreed.") == [(0.3, "out of 10", "3 of 10")]
    assert _read("She won 25 of 20 races.")[0] == (25.0, "", "25")
    assert _read("Article 5 of the 1949 treaty applies.") == []
