"""A range written with words ("2 to 3 per cent", "between 2 and 3 million people", "from £5
to £6bn"): its lower end is a bare number that takes the unit and scale written once after
the upper end, as "25-30 people" is read from 25 people (claims.extraction.quantities)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Protocol, TypeVar

from claims.extraction.number_words import SCALE_WORDS, WORD_NUMBER, parse_words


class _Figure(Protocol):  # claims.extraction.quantities.Quantity, which imports this module
    value: float
    unit: str
    text: str
    start: int
    end: int


F = TypeVar("F", bound=_Figure)

_JOINER = re.compile(r"\s+(?:to|and|or)\s+")
# A figure as written without a scale or unit of its own: "2", "£5", "1,200".
_BARE = re.compile(r"(?:[A-Z]{0,2}\$|[€£¥₹₽₦₱₩₺₴₪]|Rs\.?)?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)  # "it fell from 5 to 3 per cent"
_SCALES = (1.0, 1e3, 1e5, 1e6, 1e7, 1e9, 1e10, 1e12)  # with lakh, crore, thousand crore


def with_lower_ends(text: str, found: list[F]) -> list[F]:
    """``found`` (in text order), each bare lower end of a range written with words given its
    upper end's unit and scale."""
    out = list(found)
    for k in range(len(out) - 1):
        low, high = out[k], out[k + 1]
        if high.unit.startswith("out of") or not (
            _BARE.fullmatch(low.text) or low.text.isalpha()  # "between two and three million"
        ):
            continue
        if low.unit and low.unit != high.unit:
            continue  # "40 people to 79": two counts
        if not _JOINER.fullmatch(text, low.end, high.start):
            continue
        digits = _DIGITS.search(high.text)
        raw = float(digits.group().replace(",", "")) if digits else _spelled_raw(high.text)
        if not raw or (low.value >= raw and not _FROM.search(text, 0, low.start)):
            continue  # not a range: its ends are not in order ("from 5 to 3 per cent" is)
        factor = next((f for f in _SCALES if abs(high.value - raw * f) <= 1e-9 * high.value), 0)
        if factor and (high.unit or factor > 1):  # "aged 40 to 79" has neither
            value = float(Decimal(repr(low.value)) * Decimal(int(factor)))
            out[k] = replace(low, value=value, unit=high.unit)
    return out


def _spelled_raw(figure: str) -> float:
    """The number a spelled figure writes before its scale word ("three million people": 3), 0
    for none."""
    spelled = WORD_NUMBER.match(figure)
    words = spelled.group().lower().split() if spelled else []
    if len(words) > 1 and words[-1] in SCALE_WORDS:
        words = words[:-1]
    return (parse_words(" ".join(words)) or 0.0) if words else 0.0
