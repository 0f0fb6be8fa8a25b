"""Finding quantities ("20,000 Russian islanders", "€412m", "7 out of 10") in a sentence.

Years are dates, not quantities: a bare four-digit number from 1800 to 2100 ("in 1945") is
skipped unless a percent sign, a scale word or a currency makes it an amount. That loses the
rare "2000 people" written without a thousands separator, which news style guides avoid.

Nor are numbers that only look like figures: phone numbers ("call 1-800-273-8255"), numbers in
names ("World War One", "Apollo 11"), spelled numbers in compounds ("zero-hours contracts",
"one-off", "father-of-three"), "One" opening a sentence as a determiner ("One academic
told ..."), "no one" and "at one point", a list's numbering ("1) Deviled") and a score or
tally ("5-4", "a vote of 53-36"; a range such as "25-30 people" is kept). Each would put a
value on the claim that no editor would check.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from claims.extraction.ages import is_age
from claims.extraction.counted_nouns import NOT_UNITS, unit_after
from claims.extraction.currencies import CURRENCY, CURRENCY_NAMES, scaled
from claims.extraction.glued_units import (
    glued_quantities,
    is_video_format,
    signed,
)
from claims.extraction.number_contexts import (
    OUT_OF,
    PERCENT,
    SOURCE_NOUNS,
    counts_sources,
    is_compound,
    is_date_part,
    is_list_marker,
    is_name_number,
    is_version,
    is_word_number_in_name,
)
from claims.extraction.number_words import (
    NUMBER_WORDS,
    UNITS_WORDS,
    WORD_NUMBER,
    composed_end,
    parse_words,
)
from claims.extraction.phones import phone_numbers
from claims.extraction.ranges import with_lower_ends
from claims.extraction.shares import fraction_shares


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


# "2½ years", "20,000"; thousands set apart by a narrow or no-break space ("20\u202f000", as
# French and Swiss copy and many CMSs write them) or, in three groups or more, by spaces ("1 500
# 000 passengers")
_DIGITS = (
    r"\d+[½¼¾]|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d,])"
    r"|\d{1,3}(?: \d{3}){2,}(?![\d,])|\d+(?:\.\d+)?"
)
_THOUSANDS_SEPARATORS = dict.fromkeys(map(ord, ", \u00a0\u202f\u2009"))
# Scale words follow after a space ("412 million"); abbreviations are glued ("€412m", "£1.2bn")
# so that "5 m" (metres) is not read as five million.
_SCALE_WORD = (
    r"(?:(?:lakh|lac|thousand)\s+crores?|thousand|million|billion|trillion|lakhs?|lacs?|crores?)"
)
# (and the words glued on, as tabloids write them: "£1.2million", "$5billion")
_SCALE_ABBREVIATIONS = "million|billion|trillion|mln|mn|bn|trn|tn|cr"
_SCALE = (
    rf"(?:(?P<abbr>{_SCALE_ABBREVIATIONS}|[kmb])\b"
    r"|(?=pc\b(?!-))"  # "3.9pc": British papers' percent, glued on (read by PERCENT)
    rf"|(?![\w:]|\.\d|,\d)(?:\s(?P<scale>{_SCALE_WORD})\b)?)"
)
_CURRENCY_AMOUNT = re.compile(rf"{CURRENCY}(?P<num>{_DIGITS}){_SCALE}", re.IGNORECASE)
# A number not glued to a word ("G7", "COVID-19") and not part of a time ("11:59") or of a
# slashed pair ("24/7", "9/11").
_NUMBER = re.compile(
    rf"(?<![\w.,:/$€£¥₹₽₦₱₩₺₴₪-])(?<![A-Za-z]-)(?P<num>{_DIGITS})(?!/\d){_SCALE}", re.IGNORECASE
)
# "1.5°C", "98.6 °F", "a 30° angle".
_DEGREES = re.compile(r"\s?°(?:\s?(?P<scale>[CFcf])(?![A-Za-z]))?")
# The upper end of a range or the other side of a score: "25-30", "53–36".
_PAIR = re.compile(r"[-–](?P<upper>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\w.,]\d)")
# The scale written once after a range's upper end: "2-3 million", "£5-6bn".
_RANGE_SCALE = re.compile(
    rf"(?:(?P<abbr>{_SCALE_ABBREVIATIONS}|m|k)\b|\s(?P<scale>{_SCALE_WORD})\b)",
    re.IGNORECASE,
)
# Words that make a number before them a model's name: "the 737 Max", "the 787 Dreamliner".
_MODEL_SUFFIX = re.compile(
    r"\s(?:Max|MAX|Dreamliner|neo|Pro|Plus|Ultra|Mini|Turbo|Series|Edition)(?![\w-])"
)
# A rate per one thing, right after the number: "56 per boat", "£3 per head".
_PER_ONE = re.compile(r"\s+(?P<per>per\s+[a-z]{3,})\b(?!\s*\d)")
# A confidence interval's level after its percent: "95% CI", "95% confidence interval".
_CONFIDENCE = re.compile(r"\s*(?:CI\b|(?:credible|confidence)\s+intervals?\b)", re.IGNORECASE)
# Words that say a number is a count, however a model's name follows it: "about 171 Max 9".
_APPROXIMATELY = re.compile(r"\b(?:about|around|some|nearly|almost|than|over|roughly)\s+$")
# A rate's base after what was counted: "per 100,000 people", "per 1,000 live births".
_PER_BASE = re.compile(
    r"\s+(?P<per>per\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?!(?:in|on|at|of|and|or)\b)[a-z]+){0,2})"
    r"(?![\d,.]\d)"
)
# "175 of the 300 seats", "12 of her 20 goals": a part of a counted whole, counted in its unit.
_PART_OF = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|your|these|those|all)\s+)?"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?![.,]?\d)"
)
_HYPHEN_AGE = re.compile(r"(year|month|week|day)s?-olds?")  # "five-year-olds": their age
_LISTED = re.compile(r",?\s+(?:and\s+|or\s+)?|,\s*")  # between the items of a list
# Between a range's spelled ends: "two and three million", "five to 10 people".
_SPELLED_RANGE = re.compile(r"\s+(?:to|and|or)\s+(?=\w)")
_VOTES_AGAINST = re.compile(r"\s+to\s+(?P<n>\d+)\b(?![.,]\d)")
# A vote's tally, after the vote is named: "voted 366-34", "by a vote of 53-36", "The vote was
# 311-112", or a chamber's decision: "passed the measure 366-34", "approved it 85-14" (a score,
# "beat Alcaraz 6-4", or "a 6-3 ruling" stays no figure).
_VOTE_BEFORE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|tally|passed|approved|adopted|rejected)\b[^.;:]{0,20}$",
    re.IGNORECASE,
)
# An earthquake's magnitude named before its figure: "a magnitude 6.4 earthquake", "a
# magnitude of 7.1".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:[\s-]|\s+of\s+)$", re.IGNORECASE)
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+(?:-[a-z]+)?)\b")


# A spelled number before "out of", "in" or "of (the)", right before a digit denominator.
_SPELLED_SHARE = re.compile(
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+of|in)"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten)\s+of(?:\s+the)?)\s+$",
    re.IGNORECASE,
)
_DENOMINATORS = {
    "ten": 10,
    "hundred": 100,
    **{w: n for w, n in UNITS_WORDS.items() if 2 <= n <= 9},
}


def _parse_digits(num: str) -> float:
    fraction = {"½": 0.5, "¼": 0.25, "¾": 0.75}.get(num[-1])  # "2½ years"
    return float(num[:-1]) + fraction if fraction else float(num.translate(_THOUSANDS_SEPARATORS))


def _is_year(num: str, scale: str | None, text: str, end: int) -> bool:
    if scale or "," in num or "." in num or len(num) != 4:
        return False
    if not 1800 <= int(num) <= 2100:
        return False
    return not PERCENT.match(text, end)


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
    # A phone number's digits are taken up front: "call 1-800-273-8255" has no figure in it.
    # The spans taken never overlap, so, kept in order, a new one need only be checked against
    # its neighbours (a text of thousands of figures stays linear).
    taken = sorted(phone_numbers(text))
    starts = [ts for ts, _ in taken]

    def add(value: float, unit: str, s: int, e: int) -> None:
        k = bisect_left(starts, s)
        if (k < len(taken) and taken[k][0] < e) or (k and taken[k - 1][1] > s):
            return
        taken.insert(k, (s, e))
        starts.insert(k, s)
        value, s = signed(text, value, unit, s)  # "minus 12 degrees"
        found.append(Quantity(value, unit, text[s:e], s, e))

    for m in _CURRENCY_AMOUNT.finditer(text):
        scale = m.group("abbr") or m.group("scale")
        end = m.end()
        pair = None if scale else _PAIR.match(text, end)
        if pair and _parse_digits(m.group("num")) < _parse_digits(pair.group("upper")):
            # "£5-6bn": a range from £5bn, its scale written once, after the upper end
            after = _RANGE_SCALE.match(text, pair.end())
            scale = (after.group("abbr") or after.group("scale")) if after else None
            end = after.end() if after else pair.end()
        value = scaled(_parse_digits(m.group("num")), scale)
        add(value, CURRENCY_NAMES[m.group("cur").lower()], m.start(), end)

    for value, unit, s, e in glued_quantities(text):  # "40C", "155p", "40km"
        add(value, unit, s, e)
    for value, unit, s, e in fraction_shares(text):  # "two-thirds of voters"
        add(value, unit, s, e)

    model_end, model_num = -1, ""  # where the last model's name ("737 Max") ended, its number
    for m in _NUMBER.finditer(text):
        num, scale = m.group("num"), m.group("abbr") or m.group("scale")
        if _is_year(num, scale, text, m.end()):
            continue
        small = num.isdigit() and int(num) <= 100  # a denominator, not "two of 5,000 staff"
        if small and not scale and _SPELLED_SHARE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "seven out of 10 people": the share, read with the spelled number
        if not scale and num.isdigit() and is_name_number(text, m.start(), m.end()):
            continue
        model = _MODEL_SUFFIX.match(text, m.end()) if not scale and num.isdigit() else None
        if model and _APPROXIMATELY.search(text, max(0, m.start() - 12), m.start()):
            model = None  # "about 171 Max 9 planes": a count of the model, no model's name
        if model:
            model_end, model_num = model.end(), num
            continue  # "the 737 Max crashes": a model's name
        if (
            model_num
            and not scale
            and num.isdigit()
            and _LISTED.fullmatch(text, model_end, m.start())
            and (len(num), num[0]) == (len(model_num), model_num[0])
        ):
            model_end = m.end()
            continue  # "the 737 Max, 767 and 777 jets": models of its series listed with it
        if not scale and is_version(text, m.start(), m.end()):
            continue  # "version 4.2 added a new module"
        if not scale and is_list_marker(text, m.start(), m.end()):
            continue
        if not scale and num.isdigit() and (len(num) >= 9 or (len(num) >= 3 and num[0] == "0")):
            continue  # "at 9643651818", "log 0213": a phone or an ID, no figure
        if is_video_format(text, m):
            continue
        value = scaled(_parse_digits(num), scale)
        if not scale and num.isdigit() and is_age(text, m.start(), m.end()):
            add(value, "years old", m.start(), m.end())  # "Prelogar, 43, argues"
            continue
        pair = _PAIR.match(text, m.end()) if not scale else None
        if pair:
            # "25-30 people" is a range (its ends in order), read with the unit after its
            # upper end; "5-4", "a 10-2 verdict" or "by a vote of 53-36" is a score or a
            # tally, not a figure an editor checks on its own.
            if value < _parse_digits(pair.group("upper")):
                after = _RANGE_SCALE.match(text, pair.end())
                if after and (after.group("abbr") or "").lower() in {"m", "k"}:
                    after = None  # "20-25m high waves": metres, or millions? Only "£20-30m".
                if after:  # "2-3 million people": from 2,000,000
                    value = scaled(value, after.group("abbr") or after.group("scale"))
                end = after.end() if after else pair.end()
                _add_with_unit(text, m.start(), end, value, add, need_unit=not after)
            elif _VOTE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                upper = pair.group("upper")  # "The House voted 366-34": a tally editors check
                add(value, f"votes to {upper}", m.start(), pair.end())
            continue
        magnitude = _MAGNITUDE_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if magnitude and not scale:
            add(value, "magnitude", magnitude.start(), m.end())  # "a magnitude 6.4 earthquake"
            continue
        _add_with_unit(text, m.start(), m.end(), value, add)

    # The word-number pattern is slow to try at every position; most sentences have none.
    lower_ends: set[int] = set()  # spelled lower ends of a range, kept if they take its unit
    if NUMBER_WORDS.intersection(re.findall(r"[a-z]+", text.lower())):
        for m in WORD_NUMBER.finditer(text):
            end = composed_end(m.group())
            if end < len(m.group()):  # "eight three-pointers": eight, the rest a word
                m = WORD_NUMBER.match(text, m.start(), m.start() + end) or m
            value = parse_words(m.group())
            if value is None or is_word_number_in_name(text, m, value):
                continue
            if text[max(0, m.start() - 4) : m.start()].lower() == "per ":
                continue  # "52 deaths per million people": a rate's base, no count
            joiner = _SPELLED_RANGE.match(text, m.end())
            tally = _spelled_tally(text, m, joiner)
            if tally is not None:
                add(value, f"votes to {tally[0]:g}", m.start(), tally[1])  # "voted seven to four"
                continue
            before = len(found)
            _add_with_unit(text, m.start(), m.end(), value, add, need_unit=True, spelled=True)
            if (
                len(found) == before
                and joiner
                and (text[joiner.end()].isdigit() or WORD_NUMBER.match(text, joiner.end()))
            ):
                add(value, "", m.start(), m.end())  # "between two and three million people"
                lower_ends.add(m.start())

    found.sort(key=lambda q: q.start)
    read = with_lower_ends(text, found)
    return tuple(q for q in read if q.unit or q.start not in lower_ends)


def _spelled_tally(
    text: str, m: re.Match[str], joiner: re.Match[str] | None
) -> tuple[float, int] | None:
    """(votes against, end) when the spelled number ``m`` opens a vote's tally in words ("The
    committee voted seven to four"); None otherwise."""
    if joiner is None or text[m.end() : joiner.end()].split()[0] != "to":
        return None
    if not _VOTE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    upper = WORD_NUMBER.match(text, joiner.end())
    against = parse_words(upper.group()) if upper else None
    return (against, upper.end()) if upper and against is not None else None


# Denominators a share "in" is written with: "two in three", "nine in 10", "3 in 100".
_ROUND_IN = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 25, 50, 100, 1000})


def _add_with_unit(
    text: str,
    start: int,
    end: int,
    value: float,
    add: Any,
    *,
    need_unit: bool = False,
    spelled: bool = False,
) -> None:
    """Read what follows a number (percent sign, "out of 10", a unit) and record it."""
    if is_date_part(text, start, end):
        return
    percent = PERCENT.match(text, end)
    if percent and _CONFIDENCE.match(text, percent.end()):
        return  # "(95% CI 12-31%)": how sure a study is of a figure, no figure of its own
    if percent:
        add(value, "percent", start, percent.end())
        return
    degrees = _DEGREES.match(text, end)
    if degrees:
        scale = degrees.group("scale")
        add(value, f"°{scale.upper()}" if scale else "degrees", start, degrees.end())
        return
    out_of = OUT_OF.match(text, end)
    if out_of:
        den_text = out_of.group("den") or out_of.group("den_in") or out_of.group("den_of")
        den = float(den_text) if den_text.isdigit() else float(_DENOMINATORS[den_text])
        # "one of the 10 biggest banks" names a member, not a share
        member = out_of.group("den_of") is not None and value <= 1
        # "11 in 15 games": a tally over a span, no share ("one in 14 adults", "nine in 10" are)
        tally = out_of.group("den_in") is not None and value > 1 and den not in _ROUND_IN
        if den and value <= den and not member and not tally:
            # "one in five" and "7 out of 10" are the same kind of ratio; name them alike.
            add(value / den, f"out of {den:g}", start, out_of.end())
            return
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen:
        unit = hyphen.group("unit").lower()
        if is_compound(text, hyphen, unit, spelled=spelled):
            return  # "one-off", "one-size-fits-all", "zero-hours": a word, not a count
        if unit == "strong":
            # "a 20,000-strong crowd", "a 1.5 million-strong army": the crowd, the army
            noun, noun_end = unit_after(text, hyphen.end(), len(text))
            add(value, noun, start, noun_end if noun else hyphen.end())
            return
        if unit not in NOT_UNITS:
            # "a 10-year plan"; "the 37-year-old Serb" is an age, named as "Prelogar, 43" is
            age = _HYPHEN_AGE.fullmatch(unit)
            add(value, f"{age.group(1)}s old" if age else hyphen.group("unit"), start, hyphen.end())
            return
    unit, unit_end = unit_after(text, end, len(text))
    part = None if unit or spelled else _PART_OF.match(text, end)
    if part and value <= _parse_digits(part.group("whole")):
        whole_unit, _ = unit_after(text, part.end(), len(text))
        if whole_unit:  # "won 175 of the 300 seats": 175 seats (the 300 seats read on their own)
            add(value, whole_unit, start, end)
            return
    if need_unit and not unit:
        return  # "one of the ..." is a pronoun, not a count
    if unit.lower() in SOURCE_NOUNS and counts_sources(text, start, unit, unit_end):
        return  # "three people familiar with the matter told Reuters": who said it, no figure
    if unit.lower() == "votes":
        against = _VOTES_AGAINST.match(text, unit_end)
        if against:  # "by 68 votes to 53", as "voted 68-53"
            unit, unit_end = f"votes to {against.group('n')}", against.end()
    rate = _PER_BASE.match(text, unit_end if unit else end)
    if rate:  # "12.5 cases per 100,000 people": a rate, its base no figure of its own
        unit, unit_end = f"{unit} {rate.group('per')}".strip(), rate.end()
    elif not unit and (per := _PER_ONE.match(text, end)):
        unit, unit_end = per.group("per"), per.end()  # "an average of 56 per boat"
    add(value, unit, start, unit_end if unit else end)
