"""Numbers written in words ("Seventy-five", "two hundred and fifty thousand", "a million"),
for claims.extraction.quantities."""

from __future__ import annotations

import re

UNITS_WORDS = {
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
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

NUMBER_WORDS = frozenset([*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "a", "an"])
_NUMBER_WORD = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS], key=len, reverse=True))
# "Seventy-five", "two hundred and fifty thousand", "a million"; "and" only after a scale word
# ("two and three million" is two numbers, not five million).
_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
WORD_NUMBER = re.compile(
    # "half a million", "a quarter of a million", "three-quarters of a billion" (first: "three"
    # alone would match)
    r"\b(?:(?:half|(?:a|one|three)[\s-]quarters?\s+of)\s+an?\s+(?:million|billion|trillion)"
    # "one and a half million", "two and a half billion"; "a dozen", "half a dozen", "two dozen"
    r"|(?:an?|one|two|three|four|five|six|seven|eight|nine)\s+and\s+a\s+half\s+"
    r"(?:hundred|thousand|million|billion|trillion)"
    r"|(?:half\s+a|an?|two|three|four|five|six)\s+dozen(?!s)"
    rf"|(?:{_NUMBER_WORD})(?:(?:-|\s+|{_AFTER_SCALE}\s+and\s+)(?:{_NUMBER_WORD}))*"
    r"|an?\s+(?:hundred|thousand|million|billion|trillion))\b",
    re.IGNORECASE,
)

_AND_A_HALF = re.compile(r"(\w+)\s+and\s+a\s+half\s+(\w+)")
_FRACTION_OF = re.compile(r"(half|(a|one|three)[\s-]quarters?\s+of)\s+", re.IGNORECASE)
_QUARTERS = {"a": 0.25, "one": 0.25, "three": 0.75}


def composed_end(spelled: str) -> int:
    """Where the first number of ``spelled`` ends: a units word cannot follow a units or a tens
    word, nor a tens word one of either ("eight three-pointers" is eight, "twenty three" is
    23); after "hundred" or a scale word any may follow. ``len(spelled)`` when it is one
    number."""
    previous = ""  # "units", "tens" or "" (the start, or after a scale word)
    for m in re.finditer(r"[^\s-]+", spelled):
        part = m.group().lower()
        kind = "units" if part in UNITS_WORDS else "tens" if part in TENS_WORDS else ""
        if kind and (previous == "units" or (previous == "tens" and kind == "tens")):
            return len(spelled[: m.start()].rstrip(" -"))
        if kind == "units" and previous == "tens" and UNITS_WORDS[part] >= 10:
            return len(spelled[: m.start()].rstrip(" -"))  # "twenty twelve"
        previous = kind
    return len(spelled)


def parse_words(spelled: str) -> float | None:
    """The value of a spelled number ("two hundred and fifty thousand": 250,000); None when a
    word is no number word."""
    fraction = _FRACTION_OF.match(spelled)
    if fraction:  # "half a million": 500,000; "three-quarters of a billion"
        share = 0.5 if fraction.group(1).lower() == "half" else _QUARTERS[fraction.group(2).lower()]
        whole = parse_words(spelled[fraction.end() :])
        return None if whole is None else share * whole
    lower = spelled.lower()
    if lower.endswith("dozen"):  # "a dozen": 12; "half a dozen": 6; "two dozen": 24
        count = lower.removesuffix("dozen").strip()
        per = 0.5 if count == "half a" else 1 if count in {"a", "an"} else UNITS_WORDS.get(count)
        return None if per is None else per * 12.0
    half = _AND_A_HALF.fullmatch(lower)
    if half:  # "one and a half million": 1,500,000
        whole = 1 if half.group(1) in {"a", "an"} else UNITS_WORDS[half.group(1)]
        return (whole + 0.5) * SCALE_WORDS[half.group(2)]
    total = 0.0
    current = 0.0
    for part in re.split(r"[\s-]+", lower):
        if part in {"and", ""}:
            continue
        if part in {"a", "an"}:
            current = 1
        elif part in UNITS_WORDS:
            current += UNITS_WORDS[part]
        elif part in TENS_WORDS:
            current += TENS_WORDS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[part]
            current = 0
        else:
            return None
    return total + current
