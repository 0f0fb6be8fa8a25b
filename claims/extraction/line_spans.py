"""What the line-level readers (teaser lists, tables, a letter's signature) need of a line's
verdict from claims.extraction.boilerplate, which imports them: where the line is, and whether
it is dropped already."""

from __future__ import annotations

from typing import Protocol


class LineSpan(Protocol):
    start: int
    end: int

    @property
    def dropped(self) -> bool: ...
