"""A table pasted as text (2026-12-07, session 30; listed as still wrong in session 29, from a
measles story written there and again here).

Rows set apart by tabs or aligned with spaces were units of the text ("London 1,134 +45%"
scored 0.44, a claim), and a header row over the table became the article's title when no
headline came first. Two rows or more in a row are a table, no part of the article's text.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from claims.extraction.tables import is_row

STORY = (
    "Measles cases rise in England\n\n"
    "Measles cases in England rose to 2,911 last year, the UK Health Security Agency said.\n\n"
    "Region\tCases\tChange\n"
    "London\t1,134\t+45%\n"
    "West Midlands\t602\t+12%\n\n"
    "The agency urged parents to check their children were vaccinated."
)
ALIGNED = (
    "Region        Cases    Change\n"
    "London        1,134    +45%\n"
    "West Midlands   602    +12%\n\n"
    "Measles cases in England rose to 2,911 last year, the UKHSA said."
)


def test_tab_separated_rows_are_no_units() -> None:
    texts = [s.text for s in extract(read_text(STORY)).sentences]
    assert not any("1,134" in t or "Region" in t for t in texts)
    assert any(t.startswith("Measles cases in England rose") for t in texts)


def test_an_aligned_header_row_is_no_title() -> None:
    document = read_text(ALIGNED)
    assert document.title == ""
    assert [s.text for s in extract(document).sentences] == [
        "Measles cases in England rose to 2,911 last year, the UKHSA said."
    ]


def test_a_sentence_or_one_row_alone_is_no_table() -> None:
    assert not is_row("The council said it spent £1.2m.\tIt denied wrongdoing.")
    assert not is_row("Sales rose 4% in the year")
    text = "Prices\t2024\n\nThe council said prices rose 4% in 2024."
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert "The council said prices rose 4% in 2024." in texts
