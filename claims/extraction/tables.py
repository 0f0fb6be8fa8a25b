"""A table pasted as text: rows of cells set apart by tabs or by runs of spaces, as a
spreadsheet, a PDF or a page's data table gives them.

    Region        Cases    Change
    London        1,134    +45%
    West Midlands   602    +12%

Its rows are data, not sentences: read alone ("London 1,134 +45%") they say nothing an editor
could check, and a header row was taken for the headline. Two lines or more in a row, each of
two cells or more and none ending as a sentence does, are a table, and are no part of the
article's text (the stored text keeps them). Applied by claims.extraction.boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extraction.line_spans import LineSpan

TABLE_ROW = "table row"

_CELL_GAP = re.compile(r"\t+|[ \u00a0]{3,}")
_MAX_CELL_WORDS = 8
_MIN_ROWS = 2


def table_lines(text: str, lines: Sequence[LineSpan]) -> list[int]:
    """The indexes of the kept lines that are rows of a table: runs of two lines or more, one
    after the other, each a row (see is_row)."""
    found: list[int] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line.dropped and is_row(text[line.start : line.end]):
            run.append(i)
            continue
        if len(run) >= _MIN_ROWS:
            found.extend(run)
        run = []
    if len(run) >= _MIN_ROWS:
        found.extend(run)
    return found


def is_row(line: str) -> bool:
    """Whether ``line`` reads as a table's row: two cells or more set apart by a tab or three
    spaces, each of a few words, and no full stop, question or exclamation mark at its end."""
    cells = [c for c in _CELL_GAP.split(line.strip()) if c]
    return (
        len(cells) >= 2
        and all(len(c.split()) <= _MAX_CELL_WORDS for c in cells)
        and not line.rstrip().endswith((".", "?", "!", '."', ".”"))
    )
