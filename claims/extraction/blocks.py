"""The article's blocks, the spans no sentence crosses: each kept line alone (a headline has no
full stop to end it), or joined to the line before when it continues it (a lower-case start
after no final punctuation, or a hard-wrapped text's full line). Split from
claims.extraction.pipeline."""

from __future__ import annotations

from itertools import pairwise

from claims.extraction.boilerplate import LineVerdict

_TERMINAL_END = tuple('.!?:;"”’»)')
# Characters a wrapped line may run past the width the other lines show (a long word kept whole).
_WRAP_SLACK = 10


def _hard_wrap_width(text: str, verdicts: tuple[LineVerdict, ...]) -> int:
    """The line width of a hard-wrapped text (e-mail, wire copy), or 0 if it is not wrapped."""
    lengths: list[int] = []
    for previous, current in pairwise(verdicts):
        if previous.paragraph == current.paragraph:
            lengths.append(previous.end - previous.start)
    if len(lengths) < 3:
        return 0
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if width > 100:
        return 0
    long_lines = sum(1 for n in lengths if n >= 0.6 * width)
    if long_lines < 0.7 * len(lengths):
        return 0
    # A wrapped text has no line longer than its width: short lines each heading a long one
    # ("1. Income tax thresholds stay frozen" over its paragraph) are no wrap.
    over = sum(1 for v in verdicts if v.end - v.start > width + _WRAP_SLACK)
    return width if over <= 0.1 * len(verdicts) else 0


def blocks(text: str, verdicts: tuple[LineVerdict, ...]) -> list[tuple[int, int, int]]:
    """Spans no sentence crosses: (start, end, paragraph).

    A line is its own block (a headline has no full stop to end it) unless it continues the
    previous one: it starts in lower case after a line with no final punctuation, or the text
    is hard-wrapped and the previous line reaches the wrap width.
    """
    width = _hard_wrap_width(text, verdicts)
    blocks: list[tuple[int, int, int]] = []
    previous: LineVerdict | None = None
    for v in verdicts:
        if v.dropped:
            previous = None  # a dropped line between two kept ones is a boundary
            continue
        start = v.keep_start
        if (
            previous is not None
            and not v.has_prefix
            and previous.paragraph == v.paragraph
            and _continues(text, previous, v, width)
        ):
            blocks[-1] = (blocks[-1][0], v.end, v.paragraph)
        else:
            blocks.append((start, v.end, v.paragraph))
        previous = v
    return blocks


def _continues(text: str, previous: LineVerdict, current: LineVerdict, width: int) -> bool:
    previous_line = text[previous.start : previous.end]
    if text[current.start].islower() and not previous_line.endswith(_TERMINAL_END):
        return True
    return bool(width) and len(previous_line) >= 0.6 * width
