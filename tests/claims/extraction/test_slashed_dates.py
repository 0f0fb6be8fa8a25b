"""Dates written with slashes (2026-12-07, session 31; session 30's list: bus-fares stories
with numeric date lines written here).

"By Jane Smith | 25/03/2024" gave neither author nor date (the line was taken for a navigation
menu: "25", "03" and "2024" its items), "Published: 03/25/2024" no date. A slashed date is read
where one part is over 12, day first or month first; "12/03/2024" stays unread (day and month
cannot be told apart), its line still a dateline.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import extract, read_text
from claims.extraction.dates import find_dates, parse_dateline

STORY = (
    "Bus fares capped\n\n{line}\n\n"
    "Bus fares will be capped at 2 pounds from January, the government has announced."
)


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Jane Smith | 25/03/2024", "Jane Smith"), ("Published: 03/25/2024", "")],
)
def test_a_slashed_date_read_one_way_only(line: str, author: str) -> None:
    document = read_text(STORY.format(line=line))
    assert document.published_at == datetime(2024, 3, 25, tzinfo=UTC)
    assert document.author == author


def test_an_ambiguous_slashed_date_is_no_date_and_no_unit() -> None:
    document = read_text(STORY.format(line="Published: 12/03/2024"))
    assert document.published_at is None
    assert not any("12/03" in s.text for s in extract(document).sentences)
    assert find_dates("on 12/03/2024") == []


def test_a_menu_of_words_is_still_a_menu() -> None:
    document = read_text(STORY.format(line="Home / News / Sport / Weather"))
    assert not any("Weather" in s.text for s in extract(document).sentences)


def test_a_line_of_filler_words_fails_at_once() -> None:
    # every short line is tried as a dateline: "at at at ... x" backtracked exponentially
    # (about 80 ms at 16 words, hours at 40) before the filler was made possessive
    assert parse_dateline("at " * 60 + "x") == (False, None)
    assert parse_dateline("at " * 60 + "x 3 March 2024") == (False, None)
