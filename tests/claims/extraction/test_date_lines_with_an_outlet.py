"""A date line with its time after a slash and the outlet after it (2026-12-07, session 30; a
bus-fares story written here with CBS's date line).

"March 12, 2024 / 9:41 AM EDT / CBS News" under a headline gave no date, and was a unit of the
text (0.64, a claim): the time after a slash belongs to the date, and an outlet's name after
the date ends the line as furniture.
"""

from __future__ import annotations

from datetime import UTC, datetime

from claims.extraction import extract, read_text
from claims.extraction.dates import parse_dateline

STORY = (
    "Bus fares capped at £3\n\n"
    "March 12, 2024 / 9:41 AM EDT / CBS News\n\n"
    "Bus fares in England will be capped at £3 from January, the government has announced."
)


def test_the_date_line_gives_the_date_and_is_no_unit() -> None:
    document = read_text(STORY)
    assert document.published_at == datetime(2024, 3, 12, 13, 41, tzinfo=UTC)
    assert not any("CBS" in s.text for s in extract(document).sentences)


def test_a_sentence_after_a_date_is_no_date_line() -> None:
    assert parse_dateline("12 March 2024 / The council said no") == (False, None)
    assert parse_dateline("12 March 2024 | Reuters")[0] is True
