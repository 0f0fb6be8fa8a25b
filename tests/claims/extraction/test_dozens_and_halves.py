""" "One and a half million people", "a dozen people" (2026-12-07, session 32; figures written
in words here).

"One and a half million people voted" gave one million (the half was lost), "Two and a half
billion" one billion; "a dozen people" and "half a dozen ministers" gave nothing, and "two
dozen eggs" 2 "dozen eggs". A dozen is twelve; "dozens of" stays no figure. "A 20,000-strong
crowd" counted 20,000 "strong": the crowd is what it counts.
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One and a half million people voted.", [(1_500_000.0, "people")]),
        ("Two and a half billion people live in cities.", [(2_500_000_000.0, "people")]),
        ("A dozen people were injured.", [(12.0, "people")]),
        ("Half a dozen ministers resigned.", [(6.0, "ministers")]),
        ("Two dozen eggs cost £5.", [(24.0, "eggs"), (5.0, "pounds")]),
        ("Dozens of people were hurt.", []),
        ("A 20,000-strong crowd gathered.", [(20_000.0, "crowd")]),
        ("A 1.5 million-strong army was mobilised.", [(1_500_000.0, "army")]),
    ],
)
def test_the_figure(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected
