"""An encyclopaedia entry's title of one or two words (2026-12-07, session 30; listed as still
wrong in session 29, from a Kuril Islands entry written there).

"Kuril Islands" over "The Kuril Islands are a volcanic archipelago ..." was no headline (a
headline had three words at least). A title of one or two capitalised words is the headline
when the paragraph under it opens by defining it; a lone "Share" is not.
"""

from __future__ import annotations

import pytest

from claims.extraction import read_text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Kuril Islands\n\nThe Kuril Islands are a volcanic archipelago of 56 islands.",
            "Kuril Islands",
        ),
        (
            "Measles\n\nMeasles is a contagious disease that killed 107,500 people in 2023.",
            "Measles",
        ),
        ("Share\n\nThe council said it spent 412 million euros on the bridge in 2019.", ""),
        ("Measles\n\nCases rose to 2,911 last year, the UKHSA said.", ""),
    ],
)
def test_a_short_title_over_its_definition(text: str, title: str) -> None:
    assert read_text(text).title == title
