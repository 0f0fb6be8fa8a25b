"""What the extraction tests read off a text, in one place: the quantities found (with their
spans checked against the text) and the speaker of the one unit that contains a fragment."""

from __future__ import annotations

from claims.extraction import ScoredSentence, extract, read_text
from claims.extraction.quantities import find_quantities


def quantities_found(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, text) of each quantity in ``text``; each span must be the text's own."""
    quantities = find_quantities(text)
    for q in quantities:
        assert text[q.start : q.end] == q.text
    return [(q.value, q.unit, q.text) for q in quantities]


def unit_with(text: str, fragment: str) -> ScoredSentence:
    """The one unit of ``text`` (a plain-text article) containing ``fragment``."""
    matches = [s for s in extract(read_text(text)).sentences if fragment in s.text]
    assert len(matches) == 1, f"{len(matches)} units contain {fragment!r}"
    return matches[0]


def speaker_of(text: str, fragment: str) -> str:
    """The speaker of the one unit of ``text`` containing ``fragment``."""
    return unit_with(text, fragment).speaker
