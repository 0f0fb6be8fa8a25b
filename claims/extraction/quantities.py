"""Finding quantities ("20,000 Russian islanders", "€412m", "7 out of 10") in a sentence.

Years are dates, not quantities: a bare four-digit number from 1800 to 2100 ("in 1945") is
skipped unless a percent sign, a scale word or a currency makes it an amount. That loses the
rare "2000 people" written without a thousands separator, which news style guides avoid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from claims.extraction.lexicon import MONTH_NAMES, UNIT_STOPWORDS, word_set


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    text: str  # == document text[start:end]
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_CURRENCY_SYMBOLS = {
    "$": "dollars",
    "us$": "dollars",
    "€": "euros",
    "£": "pounds",
    "¥": "yen",
    "₹": "rupees",
    "₽": "roubles",
}
_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_NUMBER_WORDS = frozenset([*_UNITS_WORDS, *_TENS_WORDS, *_SCALE_WORDS, "a", "an"])
_NUMBER_WORD = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS, *_SCALE_WORDS], key=len, reverse=True))
# "Seventy-five", "two hundred and fifty thousand", "a million"
_WORD_NUMBER = re.compile(
    rf"\b(?:(?:{_NUMBER_WORD})(?:(?:-|\s+|\s+and\s+)(?:{_NUMBER_WORD}))*"
    r"|an?\s+(?:hundred|thousand|million|billion|trillion))\b",
    re.IGNORECASE,
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Scale words follow after a space ("412 million"); abbreviations are glued ("€412m", "£1.2bn")
# so that "5 m" (metres) is not read as five million.
_SCALE = (
    r"(?:(?P<abbr>mln|mn|bn|trn|tn|[kmb])\b"
    r"|(?![\w:]|\.\d|,\d)(?:\s(?P<scale>thousand|million|billion|trillion)\b)?)"
)
_CURRENCY_AMOUNT = re.compile(
    rf"(?P<cur>US\$|\$|€|£|¥|₹|₽)\s?(?P<num>{_DIGITS}){_SCALE}", re.IGNORECASE
)
# A number not glued to a word ("G7", "COVID-19") and not part of a time ("11:59").
_NUMBER = re.compile(
    rf"(?<![\w.,:/$€£¥₹₽-])(?<![A-Za-z]-)(?P<num>{_DIGITS}){_SCALE}", re.IGNORECASE
)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
# "7 out of 10", "one in five"; "in" only with a small denominator, so "20 in 2006" is not 1%.
_OUT_OF = re.compile(
    r"\s+(?:out\s+of\s+(?P<den>\d+|ten|hundred|five|four|three)"
    r"|in\s+(?P<den_in>\d{1,3}|ten|hundred|five|four|three))\b"
)
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+(?:-[a-z]+)?)\b")
_UNIT_WORD = re.compile(r"\s+(?P<word>[A-Za-z][\w'’]*(?:-[A-Za-z]+)*)")

# Units after which the noun phrase is complete: "412 million euros aid package" is an amount
# of euros, not of "euros aid package".
_COMPLETE_UNITS = word_set("""
    euro euros dollar dollars pound pounds yen yuan rouble roubles ruble rubles rupee rupees
    franc francs usd eur gbp tonne tonnes ton tons kg kilograms kilogram km kilometres
    kilometers kilometre kilometer mile miles metre metres meter meters hectare hectares acre
    acres litre litres liter liters barrel barrels year years month months week weeks day days
    hour hours minute minutes second seconds decade decades century centuries degree degrees
    percent points times people children men women police cattle fish sheep staff personnel
    livestock data media feet teeth mice geese deer
    """)
_DENOMINATORS = {"ten": 10, "hundred": 100, "five": 5, "four": 4, "three": 3}
_NOT_UNITS = MONTH_NAMES | UNIT_STOPWORDS | {"percent", "per", "cent", "bn", "m", "k"}


def _parse_digits(num: str) -> float:
    return float(num.replace(",", ""))


def _parse_words(spelled: str) -> float | None:
    total = 0.0
    current = 0.0
    for part in re.split(r"[\s-]+", spelled.lower()):
        if part in {"and", ""}:
            continue
        if part in {"a", "an"}:
            current = 1
        elif part in _UNITS_WORDS:
            current += _UNITS_WORDS[part]
        elif part in _TENS_WORDS:
            current += _TENS_WORDS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in _SCALE_WORDS:
            total += (current or 1) * _SCALE_WORDS[part]
            current = 0
        else:
            return None
    return total + current


def _unit_after(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The noun phrase naming what was counted, up to three words, and where it ends."""
    words: list[str] = []
    end = pos
    while len(words) < 3:
        m = _UNIT_WORD.match(text, end, limit)
        if not m:
            break
        word = m.group("word")
        lower = word.lower()
        if lower in _NOT_UNITS or lower.endswith("ly") or (len(lower) > 4 and lower.endswith("ed")):
            break
        if lower.endswith("ing") and words:
            break  # "20 people living ..." keeps "people", not "people living"
        words.append(word)
        end = m.end()
        # English noun phrases end in their head noun, usually the first plural:
        # "20,000 Russian islanders", "five member states".
        if lower in _COMPLETE_UNITS or word.endswith(("’s", "'s")):
            break
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            break
    return " ".join(words), end


def _is_year(num: str, scale: str | None, text: str, end: int) -> bool:
    if scale or "," in num or "." in num or len(num) != 4:
        return False
    if not 1800 <= int(num) <= 2100:
        return False
    return not _PERCENT.match(text, end)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities in ``text``; offsets are shifted by ``offset`` (the sentence's start)."""
    found = _find_cached(text)
    if not offset:
        return list(found)
    return [replace(q, start=q.start + offset, end=q.end + offset) for q in found]


# The scorer and the pipeline both ask for the quantities of every sentence.
@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(value: float, unit: str, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(Quantity(value, unit, text[s:e], s, e))

    for m in _CURRENCY_AMOUNT.finditer(text):
        scale = m.group("abbr") or m.group("scale")
        value = _parse_digits(m.group("num")) * (_SCALES[scale.lower()] if scale else 1)
        add(value, _CURRENCY_SYMBOLS[m.group("cur").lower()], m.start(), m.end())

    for m in _NUMBER.finditer(text):
        num, scale = m.group("num"), m.group("abbr") or m.group("scale")
        if _is_year(num, scale, text, m.end()):
            continue
        value = _parse_digits(num) * (_SCALES[scale.lower()] if scale else 1)
        _add_with_unit(text, m.start(), m.end(), value, add)

    # The word-number pattern is slow to try at every position; most sentences have none.
    if _NUMBER_WORDS.intersection(re.findall(r"[a-z]+", text.lower())):
        for m in _WORD_NUMBER.finditer(text):
            value = _parse_words(m.group())
            if value is not None:
                _add_with_unit(text, m.start(), m.end(), value, add, need_unit=True)

    found.sort(key=lambda q: q.start)
    return tuple(found)


def _add_with_unit(
    text: str,
    start: int,
    end: int,
    value: float,
    add: Any,
    *,
    need_unit: bool = False,
) -> None:
    """Read what follows a number (percent sign, "out of 10", a unit) and record it."""
    if _is_date_part(text, start, end):
        return
    percent = _PERCENT.match(text, end)
    if percent:
        add(value, "percent", start, percent.end())
        return
    out_of = _OUT_OF.match(text, end)
    if out_of:
        den_text = out_of.group("den") or out_of.group("den_in")
        den = float(den_text) if den_text.isdigit() else float(_DENOMINATORS[den_text])
        if den and value <= den:
            # "one in five" and "7 out of 10" are the same kind of ratio; name them alike.
            add(value / den, f"out of {den:g}", start, out_of.end())
            return
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen and hyphen.group("unit").lower() not in _NOT_UNITS:
        add(value, hyphen.group("unit"), start, hyphen.end())  # "a 10-year plan"
        return
    unit, unit_end = _unit_after(text, end, len(text))
    if need_unit and not unit:
        return  # "one of the ..." is a pronoun, not a count
    add(value, unit, start, unit_end if unit else end)


def _is_date_part(text: str, start: int, end: int) -> bool:
    """Whether the number is the day in "15 February" or "February 15"."""
    after = re.match(r"\s*(?:st|nd|rd|th)?\s+([A-Za-z]+)", text[end : end + 16])
    if after and after.group(1).lower() in MONTH_NAMES and after.group(1)[0].isupper():
        return True
    before = re.search(r"([A-Za-z]+)\.?,?\s+$", text[max(0, start - 16) : start])
    return bool(before and before.group(1).lower() in MONTH_NAMES and before.group(1)[0].isupper())
