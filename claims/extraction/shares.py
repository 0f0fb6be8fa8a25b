"""Shares written as fractions in words: "two-thirds of voters", "a third of adults", "three
quarters of the money", "half of all households". Read as "one in four" is (claims.extraction.
quantities): the share as a value, "out of" the denominator as its unit; only before "of", so
"the first half", "half an hour" and "cut in half" are no shares, but for a plural fraction
with its hyphen ("two-thirds were worried")."""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
# ... and "by half" ("cut the deficit by half"; not "by half an hour", "by half-time").
_BY_HALF = re.compile(
    r"\bby\s+(?P<share>(?:a\s+|one\s+)?half)\b(?![- ](?:of|an?|past|time|way)\b|-)",
    re.IGNORECASE,
)
# A fraction after "by", as a change is measured: "fell by two thirds", "cut by a quarter".
_BY_FRACTION = re.compile(
    r"\bby\s+(?P<share>(?P<num>a|one|two|three|four)[- ](?P<den>third|quarter|fifth)s?)\b"
    r"(?![- ](?:of|point|mile|hour|inch|century|past|to)\b)",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?:(?P<num>a|one|two|three|four|five|seven|nine)[- ](?P<den>third|quarter|fifth|tenth)s?"
    r"|(?P<half>half))(?=\s+of\b)"
    r"(?!\s+of\s+an?\s+(?:million|billion|trillion)\b)"  # "a quarter of a million": 250,000
    # "a quarter of an hour", "half of a season": a length of time, no share of anything
    r"(?!\s+of\s+an?\s+(?:hour|minute|second|day|week|month|year|century|season|game|match)\b)",
    re.IGNORECASE,
)

# A plural fraction written with its hyphen is a share wherever it stands: "two-thirds were
# worried", "three-quarters voted", "a two-thirds majority" (never two of something called
# "thirds"); before "of" it is read by _FRACTION.
_PLURAL_FRACTION = re.compile(
    r"\b(?P<num>two|three|four|seven|nine)-(?P<den>third|quarter|fifth|tenth)s\b(?!-|\s+of\b)",
    re.IGNORECASE,
)

# A fraction of a percentage point, as central banks move rates: "a quarter of a percentage
# point", "three-quarters of a point", "a quarter-point cut", "a half-point rise".
_OF_A_POINT = re.compile(r"\s+of\s+a\s+(?:percentage\s+)?point\b", re.IGNORECASE)
_POINT_FRACTION = re.compile(
    r"\b(?:(?P<num>a|one|three)[- ])?(?P<den>quarter|half|three-quarter)[- ]point\b",
    re.IGNORECASE,
)
_POINT_VALUES = {"quarter": 0.25, "half": 0.5, "three-quarter": 0.75}
# ... where the sentence is about rates ("Carlsen's half-point lead" is a chess score).
_RATE_WORDS = re.compile(
    r"\b(?:rates?|interest|inflation|yields?|cut|hike|raised?|increase|percentage|bank|Fed)\b",
    re.IGNORECASE,
)
POINTS = "percentage points"

# "the first half of the year", "the second half of the match": a period, not a share.
_HALF_OF_A_PERIOD = frozenset({"the", "first", "second", "latter", "other", "top", "bottom", "a"})
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def fraction_shares(text: str) -> Iterator[tuple[float, str, int, int]]:
    """(value, unit, start, end) of each fraction in words before "of" ("two-thirds of
    voters": 0.667 "out of 3")."""
    lower = text.lower()
    if not any(word in lower for word in ("half", "third", "quarter", "fifth", "tenth")):
        return  # the fast answer for almost every sentence
    points = (
        _POINT_FRACTION.finditer(text) if "-point" in lower and _RATE_WORDS.search(text) else ()
    )
    for m in points:  # "cut rates by a quarter-point"
        den = m.group("den").lower()
        three = (m.group("num") or "").lower() == "three" and den == "quarter"
        yield (0.75 if three else _POINT_VALUES[den]), POINTS, m.start(), m.end()
    for m in _FRACTION.finditer(text):
        point = _OF_A_POINT.match(text, m.end())
        if point:  # "three-quarters of a percentage point": 0.75 points, no share
            numerator = 1 if m.group("half") else _NUMERATORS[m.group("num").lower()]
            denominator = 2 if m.group("half") else _DENOMINATORS[m.group("den").lower()]
            yield numerator / denominator, POINTS, m.start(), point.end()
            continue
        if m.group("half"):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before is None or before.group(1).lower() not in _HALF_OF_A_PERIOD:
                yield 0.5, "out of 2", m.start(), m.end()
            continue
        numerator = _NUMERATORS[m.group("num").lower()]
        denominator = _DENOMINATORS[m.group("den").lower()]
        if numerator < denominator:
            yield numerator / denominator, f"out of {denominator}", m.start(), m.end()
    for m in _PLURAL_FRACTION.finditer(text):  # "two-thirds were worried"
        numerator = _NUMERATORS[m.group("num").lower()]
        denominator = _DENOMINATORS[m.group("den").lower()]
        if numerator < denominator:
            yield numerator / denominator, f"out of {denominator}", m.start(), m.end()
    for m in _BY_HALF.finditer(text):  # "cut the deficit by half"
        yield 0.5, "out of 2", m.start("share"), m.end()
    for m in _BY_FRACTION.finditer(text):  # "fell by two thirds": a change as a share
        numerator = _NUMERATORS[m.group("num").lower()]
        denominator = _DENOMINATORS[m.group("den").lower()]
        if numerator < denominator:
            yield numerator / denominator, f"out of {denominator}", m.start("share"), m.end()
