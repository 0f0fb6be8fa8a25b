"""A poll by a newspaper opening its sentence (2026-12-07, session 29; Japanese election copy
written here).

"A poll by the Nikkei newspaper showed support for his cabinet at 51%." was nobody's: a report
by an author matched only in small letters ("a report by"), "poll" was none of its documents,
and a descriptor after the name ("newspaper") broke it.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A poll by the Nikkei newspaper showed support for the cabinet at 51%.", "Nikkei"),
        (
            "A report by the National Audit Office found that 51% of projects were late.",
            "National Audit Office",
        ),
    ],
)
def test_the_author_of_a_poll_or_report_opening_the_sentence(text: str, speaker: str) -> None:
    assert speaker_of(text, "51%") == speaker
