"""Furniture of pasted American and tabloid pages (2026-12-07, session 29; pages written here in
the shape of a US daily's and a British tabloid's).

From a US daily: "Listen to this article · 6:12 min Learn more" and "Reporting from Phoenix"
were units, "A version of this article appears in print on March 4, 2025, Section A, Page 14
..." was a claim (0.92), and the page had no date ("Published March 3, 2025 Updated March 4,
2025" came after a headline of nine words, read as a paragraph of the body). From a tabloid:
"By JANE DOE FOR MAILONLINE" was the author as written, and "Share or comment on this
article:" was the page's title.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction import extract, read_text

DAILY = """Supported by

Heat Waves Are Killing More Older Americans, Study Finds

Deaths linked to extreme heat have more than doubled since 1999.

Listen to this article · 6:12 min Learn more

By Jane Ellis
Reporting from Phoenix

Published March 3, 2025 Updated March 4, 2025

Heat-related deaths in the United States rose 117 percent between 1999 and 2023, according to \
a study published on Monday in JAMA.

A version of this article appears in print on March 4, 2025, Section A, Page 14 of the New \
York edition with the headline: Heat Is Killing More Older Americans.
"""

TABLOID = """By JANE DOE FOR MAILONLINE

PUBLISHED: 10:02 GMT, 1 March 2025 | UPDATED: 11:15 GMT, 1 March 2025

Dog owners could face fines of up to £1,000 if their pets are caught off the lead on beaches.

Share or comment on this article:
"""


def test_a_us_dailys_furniture_is_no_unit() -> None:
    units = " ".join(s.text for s in extract(read_text(DAILY)).sentences)
    for furniture in ("Listen to this article", "Reporting from Phoenix", "appears in print"):
        assert furniture not in units
    assert "117 percent" in units


def test_the_date_line_after_a_long_headline_dates_the_page() -> None:
    document = read_text(DAILY)
    assert document.published_at == dt.datetime(2025, 3, 3, tzinfo=dt.UTC)
    assert document.author == "Jane Ellis"


def test_a_tabloid_byline_and_share_prompt() -> None:
    document = read_text(TABLOID)
    assert document.author == "Jane Doe"
    assert document.title == ""
    assert not [s for s in extract(document).sentences if "Share or comment" in s.text]
