"""A place and a date on a line of their own above a release (2026-12-07, session 29; an EU-style
press release written here).

"Brussels, 14 November 2024" under the headline was a unit and the release had no date: a line
that is a place, a comma and a date, above the text, is its date line.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction import extract, read_text

RELEASE = """Commission fines Meta €798 million for abusive practices

Brussels, 14 November 2024

The European Commission has fined Meta €797.72 million for breaching EU antitrust rules by tying \
its online classified ads service to its social network.
"""


def test_the_place_and_date_line_dates_the_release() -> None:
    extraction = extract(read_text(RELEASE))
    assert extraction.document.published_at == dt.datetime(2024, 11, 14, tzinfo=dt.UTC)
    assert not [s for s in extraction.sentences if s.text.startswith("Brussels")]


def test_a_place_without_a_date_stays() -> None:
    text = "Floods in the north\n\nCarlisle, Cumbria\n\nThe river rose by 2 metres overnight.\n"
    assert read_text(text).published_at is None
