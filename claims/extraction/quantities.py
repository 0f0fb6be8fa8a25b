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
from claims.extraction.currencies import CURRENCY, CURRENCY_NAMES, scaled
from claims.extraction.glued_units import PICTURE_FORMAT, glued_quantities, is_video_format
from claims.extraction.lexicon import MONTH_NAMES, UNIT_STOPWORDS, WEEKDAYS, word_set
from claims.extraction.number_words import NUMBER_WORDS, UNITS_WORDS, WORD_NUMBER, parse_words
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


_DIGITS = r"\d+[½¼¾]|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "2½ years"
# Scale words follow after a space ("412 million"); abbreviations are glued ("€412m", "£1.2bn")
# so that "5 m" (metres) is not read as five million.
_SCALE_WORD = (
    r"(?:(?:lakh|lac|thousand)\s+crores?|thousand|million|billion|trillion|lakhs?|lacs?|crores?)"
)
_SCALE_ABBREVIATIONS = "mln|mn|bn|trn|tn|cr"
_SCALE = (
    rf"(?:(?P<abbr>{_SCALE_ABBREVIATIONS}|[kmb])\b"
    r"|(?=pc\b(?!-))"  # "3.9pc": British papers' percent, glued on (read by _PERCENT)
    rf"|(?![\w:]|\.\d|,\d)(?:\s(?P<scale>{_SCALE_WORD})\b)?)"
)
_CURRENCY_AMOUNT = re.compile(rf"{CURRENCY}(?P<num>{_DIGITS}){_SCALE}", re.IGNORECASE)
# A number not glued to a word ("G7", "COVID-19") and not part of a time ("11:59") or of a
# slashed pair ("24/7", "9/11").
_NUMBER = re.compile(
    rf"(?<![\w.,:/$€£¥₹₽₦₱₩₺₴₪-])(?<![A-Za-z]-)(?P<num>{_DIGITS})(?!/\d){_SCALE}", re.IGNORECASE
)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pc\b(?!-))", re.IGNORECASE)  # "3.9pc"
# "7 out of 10", "one in five"; "in" only with a small denominator, so "20 in 2006" is not 1%.
# "four of five regions", "two of the three victims": a share, read the same way (of ten at
# most: "42 of 58 drones" is a count of drones).
_OUT_OF = re.compile(
    r"\s+(?:out\s+of\s+(?P<den>\d+|ten|hundred|two|three|four|five|six|seven|eight|nine)"
    r"|in\s+(?P<den_in>\d{1,3}|ten|hundred|two|three|four|five|six|seven|eight|nine)"
    r"|of\s+(?:the\s+)?(?P<den_of>10|[2-9]|two|three|four|five|six|seven|eight|nine|ten))\b"
    r"(?![.,]\d)"
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
# A rate's base after what was counted: "per 100,000 people", "per 1,000 live births".
_PER_BASE = re.compile(
    r"\s+(?P<per>per\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?!(?:in|on|at|of|and|or)\b)[a-z]+){0,2})"
    r"(?![\d,.]\d)"
)
_VOTES_AGAINST = re.compile(r"\s+to\s+(?P<n>\d+)\b(?![.,]\d)")
# A vote's tally, after the vote is named: "voted 366-34", "by a vote of 53-36", "The vote was
# 311-112" (a score or "a 6-3 ruling" stays no figure).
_VOTE_BEFORE = re.compile(r"\b(?:vot(?:e|ed|es|ing)|tally)\b[^.;:]{0,20}$", re.IGNORECASE)
# An earthquake's magnitude named before its figure: "a magnitude 6.4 earthquake".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]$", re.IGNORECASE)
# "1) Deviled, 2) Scotch": a list's numbering, with no opening bracket before it.
_LIST_MARKER = re.compile(r"(?:^|[\s,;:])$")
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+(?:-[a-z]+)?)\b")
_UNIT_WORD = re.compile(r"\s+(?P<word>(?:[A-Z]\.){2,}|[A-Za-z][\w'’]*(?:-[A-Za-z]+)*)")  # "U.S."


# Units after which the noun phrase is complete: "412 million euros aid package" is an amount
# of euros, not of "euros aid package".
_COMPLETE_UNITS = word_set("""
    euro euros dollar dollars pound pounds yen yuan rouble roubles ruble rubles rupee rupees
    franc francs usd eur gbp tonne tonnes ton tons kg kilograms kilogram km kilometres
    kilometers kilometre kilometer mile miles metre metres meter meters hectare hectares acre
    acres litre litres liter liters barrel barrels year years month months week weeks day days
    hour hours minute minutes second seconds decade decades century centuries degree degrees
    percent points times people children men women police cattle fish sheep staff personnel
    livestock feet teeth mice geese deer magnitude
    """)
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
# Words that end the phrase after a number without naming what was counted: adverbs and
# prepositions ("the three above"), and past tenses that "-ed" does not catch ("the one held
# by"). UNIT_STOPWORDS has the function words.
_NOT_UNIT_WORDS = word_set("""
    above below behind beyond near ago apiece each respectively instead too again away back
    down off out up such another other else together altogether alone aside later earlier
    held led told said made found took gave went came saw kept left lost won paid sold sent
    spent met ran set put got hit cut shot became began brought bought thought fell spoke
    fought broke drew rose grew knew wrote died last next
    """)
_NOT_UNITS = (
    MONTH_NAMES | UNIT_STOPWORDS | _NOT_UNIT_WORDS | {"percent", "per", "cent", "bn", "m", "k"}
)
# Nouns ending in "s" that are no plurals: "2,911 confirmed measles cases", "40 news outlets".
_SINGULAR_IN_S = word_set("measles mumps rabies diabetes herpes news series species")
# Adjectives ending like adverbs, read into what was counted when a noun follows them.
_LY_ADJECTIVES = word_set("daily weekly monthly yearly quarterly hourly nightly elderly")
# After a spelled number and a hyphen, words that make a fixed compound rather than a measure:
# "one-off", "one-way", "one-stop", "one-liner".
_COMPOUND_TAILS = word_set("off on up out in way stop liner shot all")
# Capitalised at the start of a sentence before a figure ("Another 200", "Some 500");
# UNIT_STOPWORDS has the function words and "-ly" catches "Nearly", "Roughly", "Only".
_APPROXIMATORS = word_set("another almost around exactly just some over under up")
# Currency codes written before an amount ("USD 5 million"): not a name.
_CURRENCY_CODES = word_set("usd eur gbp jpy cny chf inr rs rub aud cad")
# The capitalised word right before a number ("Apollo 11", "World War One"); the text before
# it tells whether it starts the sentence (then it is any word, not a name).
_NAME_BEFORE = re.compile(r"(?P<word>[A-Z][\w'’.&-]*)\s$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;—–]\s*|[\s(\[]*[“\"‘'(\[])\s*$")


def _parse_digits(num: str) -> float:
    fraction = {"½": 0.5, "¼": 0.25, "¾": 0.75}.get(num[-1])  # "2½ years"
    return float(num[:-1]) + fraction if fraction else float(num.replace(",", ""))


def _unit_after(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The noun phrase naming what was counted, up to three words, and where it ends."""
    words: list[str] = []
    end = pos
    while len(words) < 3:
        m = _UNIT_WORD.match(text, end, limit)
        if not m and not words:
            m = PICTURE_FORMAT.match(text, end, limit)  # "two 4K displays": displays counted
        if not m:
            break
        word = m.group("word")
        lower = word.lower()
        adverb = lower.endswith("ly") and not (
            lower in _LY_ADJECTIVES and _UNIT_WORD.match(text, m.end(), limit)
        )  # "600 million monthly users" counts users; "rose 5% weekly" ends at the figure
        participle = (
            len(lower) > 4
            and lower.endswith("ed")
            and not (not words and _plural_next(text, m.end(), limit))
        )  # "20 people killed" ends at people; "46,000 suspected cases" counts cases
        if lower in _NOT_UNITS or adverb or participle:
            break
        if lower.endswith("ing") and words:
            break  # "20 people living ..." keeps "people", not "people living"
        words.append(word)
        end = m.end()
        # English noun phrases end in their head noun, usually the first plural:
        # "20,000 Russian islanders", "five member states".
        if lower in _COMPLETE_UNITS or word.endswith(("’s", "'s")):
            break
        # A plural ends it ("100 basis points": "crisis", "bonus" are none), but a name
        # ending in s goes on to its noun: "8.5 million Windows devices".
        plural = _plural_form(lower) and lower not in _SINGULAR_IN_S
        if plural and not (word[:1].isupper() and _UNIT_WORD.match(text, end, limit)):
            break
    return " ".join(words), end


def _plural_form(lower: str) -> bool:
    """Whether a word in small letters ends like a plural ("crisis", "bonus" do not)."""
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "is", "us"))


def _plural_next(text: str, pos: int, limit: int) -> bool:
    """Whether the word at ``pos`` is a plural noun ("cases" after "suspected")."""
    m = _UNIT_WORD.match(text, pos, limit)
    lower = m.group("word").lower() if m else ""
    noun = _plural_form(lower) or lower in _COMPLETE_UNITS  # "cases", "men" ("5 armed men")
    return noun and lower not in _NOT_UNITS


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

    for m in _NUMBER.finditer(text):
        num, scale = m.group("num"), m.group("abbr") or m.group("scale")
        if _is_year(num, scale, text, m.end()):
            continue
        small = num.isdigit() and int(num) <= 100  # a denominator, not "two of 5,000 staff"
        if small and not scale and _SPELLED_SHARE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "seven out of 10 people": the share, read with the spelled number
        if not scale and num.isdigit() and _is_name_number(text, m.start(), m.end()):
            continue
        if not scale and num.isdigit() and _MODEL_SUFFIX.match(text, m.end()):
            continue  # "the 737 Max crashes": a model's name
        if not scale and _is_list_marker(text, m.start(), m.end()):
            continue
        if not scale and num.isdigit() and len(num) >= 9:
            continue  # "at 9643651818": a phone or an ID; a figure that size has separators
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
        magnitude = _MAGNITUDE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if magnitude and not scale:
            add(value, "magnitude", magnitude.start(), m.end())  # "a magnitude 6.4 earthquake"
            continue
        _add_with_unit(text, m.start(), m.end(), value, add)

    # The word-number pattern is slow to try at every position; most sentences have none.
    if NUMBER_WORDS.intersection(re.findall(r"[a-z]+", text.lower())):
        for m in WORD_NUMBER.finditer(text):
            value = parse_words(m.group())
            if value is not None and not _is_word_number_in_name(text, m, value):
                _add_with_unit(text, m.start(), m.end(), value, add, need_unit=True, spelled=True)

    found.sort(key=lambda q: q.start)
    return tuple(with_lower_ends(text, found))


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
    if _is_date_part(text, start, end):
        return
    percent = _PERCENT.match(text, end)
    if percent:
        add(value, "percent", start, percent.end())
        return
    degrees = _DEGREES.match(text, end)
    if degrees:
        scale = degrees.group("scale")
        add(value, f"°{scale.upper()}" if scale else "degrees", start, degrees.end())
        return
    out_of = _OUT_OF.match(text, end)
    if out_of:
        den_text = out_of.group("den") or out_of.group("den_in") or out_of.group("den_of")
        den = float(den_text) if den_text.isdigit() else float(_DENOMINATORS[den_text])
        # "one of the 10 biggest banks" names a member, not a share
        member = out_of.group("den_of") is not None and value <= 1
        if den and value <= den and not member:
            # "one in five" and "7 out of 10" are the same kind of ratio; name them alike.
            add(value / den, f"out of {den:g}", start, out_of.end())
            return
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen:
        unit = hyphen.group("unit").lower()
        if _is_compound(text, hyphen, unit, spelled=spelled):
            return  # "one-off", "one-size-fits-all", "zero-hours": a word, not a count
        if unit not in _NOT_UNITS:
            add(value, hyphen.group("unit"), start, hyphen.end())  # "a 10-year plan"
            return
    unit, unit_end = _unit_after(text, end, len(text))
    if need_unit and not unit:
        return  # "one of the ..." is a pronoun, not a count
    if unit.lower() == "votes":
        against = _VOTES_AGAINST.match(text, unit_end)
        if against:  # "by 68 votes to 53", as "voted 68-53"
            unit, unit_end = f"votes to {against.group('n')}", against.end()
    rate = _PER_BASE.match(text, unit_end if unit else end)
    if rate:  # "12.5 cases per 100,000 people": a rate, its base no figure of its own
        unit, unit_end = f"{unit} {rate.group('per')}".strip(), rate.end()
    add(value, unit, start, unit_end if unit else end)


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """Whether the number numbers a list item: "are: 1) Deviled, 2) Scotch"."""
    if text[end : end + 1] != ")" or "(" in text[:start]:
        return False
    return bool(_LIST_MARKER.search(text, max(0, start - 2), start))


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` begins the sentence or a quotation in it (after '“' or ': ')."""
    return bool(_SENTENCE_START.search(text, max(0, pos - 4), pos))


_NUMBER_SIGN = re.compile(r"\bNo\.?\s$")
_LABEL_BEFORE = re.compile(
    r"\b(?:section|article|clause|chapter|paragraph|schedule|category|stage|level|phase|tier)\s$"
)


def _is_name_number(text: str, start: int, end: int) -> bool:
    """Whether a bare integer is part of a name: "Apollo 11", "Channel 4", "Article 50".

    It follows a capitalised word that is not a function word or adverb, month, weekday or
    currency code, and no percent sign follows ("Labour 45%" is a poll figure). A figure after
    a name is written with a separator ("Italy 143,600") and is kept.
    """
    if _PERCENT.match(text, end):
        return False
    label = _NUMBER_SIGN.search(text, max(0, start - 4), start)
    if label or _LABEL_BEFORE.search(text, max(0, start - 12), start):
        return True  # "No. 10 said", "a section 114 notice": a label, not a count
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    if before.group("word").endswith(("'s", "’s")):
        return False  # "Manchester City's 52-match run": a figure of the name's
    word = before.group("word").rstrip(".").lower()
    if word in MONTH_NAMES or word in WEEKDAYS or word in _CURRENCY_CODES:
        return False
    # A capitalised function word or adverb opens the sentence: "About 25 bodies", "Nearly 500".
    return word not in UNIT_STOPWORDS and word not in _APPROXIMATORS and not word.endswith("ly")


# "no one" is a pronoun; "at one point" (stage, time ...) an idiom.
_NO_ONE = re.compile(r"\bno[\s-]$", re.IGNORECASE)
# "if one notices", "when one changes", "the one seen": "one" as a pronoun.
# '"It's a disaster," one resident told ...', "said one witness": an unnamed member of a
# group, as "One academic".
_AFTER_SAYING = re.compile(r"(?:[”\"],?|\b(?:said|says|told|added))\s+$")
_PRONOUN_ONE = re.compile(r"\b(?:if|when|as|the|that|which)\s+$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\bnumber\s+$", re.IGNORECASE)  # "the number one mission"
_AT_ONE = re.compile(r"\s+(?:point|stage|time|moment|juncture)\b", re.IGNORECASE)


def _is_word_number_in_name(text: str, m: re.Match[str], value: float) -> bool:
    """Whether a spelled number is a name or a word rather than a figure.

    - Capitalised inside a sentence: a name ("World War One", "Formula One", "BBC Two").
    - "One" opening a sentence before a noun is the indefinite "one of them" ("One academic
      told the BBC"), not a count an editor checks; "One in five adults" is a ratio and kept.
    - After a hyphen it ends a compound ("father-of-three", "mother-of-two").
    - "zero-" begins a compound that names a kind of thing ("zero-hours contracts",
      "zero-tolerance", "zero-sum").
    """
    start, end = m.span()
    spelled = m.group()
    if start and text[start - 1] == "-":
        return True
    if spelled.lower() == "zero" and text[end : end + 1] == "-":
        return True
    if spelled.lower() == "one" and (
        _NO_ONE.search(text, max(0, start - 4), start)
        or _PRONOUN_ONE.search(text, max(0, start - 6), start)
        or (
            _AFTER_SAYING.search(text, max(0, start - 8), start)
            and _UNIT_WORD.match(text, end)
            and not _OUT_OF.match(text, end)  # "said one in five customers": a share
        )
        or (_AT_BEFORE.search(text, max(0, start - 4), start) and _AT_ONE.match(text, end))
        or _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    ):
        # "no one believes", "at one point", "the number one mission": a pronoun or an idiom
        return True
    at_start = _starts_sentence(text, start)
    if spelled[0].isupper() and not at_start:
        return True
    return (
        at_start
        and value == 1
        and spelled == "One"
        and not _OUT_OF.match(text, end)
        and bool(_UNIT_WORD.match(text, end))
    )


def _is_compound(text: str, hyphen: re.Match[str], unit: str, *, spelled: bool) -> bool:
    """Whether number-hyphen-word is a fixed compound rather than a measure ("10-year")."""
    first = unit.split("-")[0]
    if spelled and (first in _COMPOUND_TAILS or (len(first) > 4 and first.endswith("ed"))):
        return True  # "one-off", "one-sided"
    # "one-size-fits-all", "once-in-a-lifetime": a phrase of three words or more; an age
    # ("10-year-old") is a measure.
    following = text[hyphen.end() : hyphen.end() + 2]
    return following[:1] == "-" and following[1:].isalpha() and not unit.endswith("-old")


_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)  # "at 5 p.m.", "9am"


def _is_date_part(text: str, start: int, end: int) -> bool:
    """Whether the number is the day in "15 February" or "February 15", or an hour ("5 p.m.")."""
    if _CLOCK.match(text, end):
        return True
    after = re.match(r"\s*(?:st|nd|rd|th)?\s+([A-Za-z]+)", text[end : end + 16])
    if after and after.group(1).lower() in MONTH_NAMES and after.group(1)[0].isupper():
        return True
    before = re.search(r"([A-Za-z]+)\.?,?\s+$", text[max(0, start - 16) : start])
    return bool(before and before.group(1).lower() in MONTH_NAMES and before.group(1)[0].isupper())
