""" "Ten-year gilt yields rose 5 basis points" (2026-12-07, session 32; a markets report written
here).

A government bond named by its term ("the 10-year Treasury yield", "two-year gilts") gave a
figure of 10 or 2 "year", as if the sentence measured a length of time; a plan's or a deal's
term still does ("a five-year plan").
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ten-year gilt yields rose 5 basis points.", [(5.0, "basis points")]),
        ("The 10-year Treasury yield rose to 4.4%.", [(4.4, "percent")]),
        ("The two-year bond yield fell.", []),
        ("Germany's 30-year Bund yield hit 2.5%.", [(2.5, "percent")]),
        ("The 10-year US Treasury note yield rose.", []),
        # a term of anything else is a figure
        ("The government unveiled a five-year plan.", [(5.0, "year")]),
        ("He signed a four-year deal.", [(4.0, "year")]),
        ("The 10-year debt plan costs £2bn.", [(10.0, "year"), (2e9, "pounds")]),
    ],
)
def test_a_bonds_term_is_its_name(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected
