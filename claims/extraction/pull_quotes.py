"""Pull quotes: words of the article set large between its paragraphs ("We have had our
funding cut by 40% since 2010", under the paragraph that quotes it in full). The body says
them already, with their speaker; as a line of their own they would be a second claim with
none. claims.extraction.boilerplate drops them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

PULL_QUOTE = "pull quote"
_MIN_WORDS = 5
_MAX_WORDS = 40
_QUOTES = "\"“”‘’'"
# A body line: this many words and closing punctuation. Pull quotes come after the first one,
# so a headline that its first paragraph repeats is never taken for one.
_BODY_WORDS = 8


class _Line(Protocol):
    start: int
    end: int
    keep_start: int
    paragraph: int

    @property
    def dropped(self) -> bool: ...


def _key(line: str) -> str:
    return " ".join(line.casefold().strip(_QUOTES + " ").split()).rstrip(".!?:;,").strip(_QUOTES)


def pull_quote_lines(text: str, lines: Sequence[_Line]) -> list[int]:
    """Indexes of the kept lines that stand alone in their paragraph, after the body began,
    with no closing full stop (or in quotation marks), and whose words the rest of the text
    says too."""
    kept = [i for i, line in enumerate(lines) if not line.dropped]
    whole = " ".join(_key(text[lines[i].keep_start : lines[i].end]) for i in kept)
    found: list[int] = []
    body = False
    for position, i in enumerate(kept):
        line = text[lines[i].keep_start : lines[i].end].strip()
        words = len(line.split())
        if not body:
            body = words >= _BODY_WORDS and line.endswith((".", "!", "?", '."', ".”"))
            continue
        alone = all(
            lines[j].paragraph != lines[i].paragraph
            for j in (kept[position - 1], kept[min(position + 1, len(kept) - 1)])
            if j != i
        )
        if not alone or not _MIN_WORDS <= words <= _MAX_WORDS:
            continue
        if line.endswith((".", "!", "?")) and line[:1] not in _QUOTES:
            continue  # a sentence of the body, not a quote set apart
        key = _key(line)
        if key and whole.count(key) >= 2:
            found.append(i)
    return found
