"""What the words around a number say it is, when it is no figure of its own: part of a name
("Apollo 11", "World War One"), a list's numbering ("1) Deviled"), a compound ("one-off"), a
day or an hour ("15 February", "5 p.m."); and the marks after a figure that
claims.extraction.quantities reads (a percent sign, a share's denominator, a unit's word).
Split from claims.extraction.quantities."""

from __future__ import annotations

import re

from claims.extraction.lexicon import MONTH_NAMES, UNIT_STOPWORDS, WEEKDAYS, word_set

PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pc\b(?!-))", re.IGNORECASE)  # "3.9pc"

# "7 out of 10", "one in five"; "in" only with a small denominator, so "20 in 2006" is not 1%.
# "four of five regions", "two of the three victims": a share, read the same way (of ten at
# most: "42 of 58 drones" is a count of drones).
OUT_OF = re.compile(
    r"\s+(?:out\s+of\s+(?P<den>\d+|ten|hundred|two|three|four|five|six|seven|eight|nine)"
    r"|in\s+(?P<den_in>\d{1,3}|ten|hundred|two|three|four|five|six|seven|eight|nine)"
    r"|of\s+(?:the\s+)?(?P<den_of>10|[2-9]|two|three|four|five|six|seven|eight|nine|ten))\b"
    r"(?![.,]\d)"
)

UNIT_WORD = re.compile(r"\s+(?P<word>(?:[A-Z]\.){2,}|[A-Za-z][\w'’]*(?:-[A-Za-z]+)*)")  # "U.S."
# "1) Deviled, 2) Scotch": a list's numbering, with no opening bracket before it.
_LIST_MARKER = re.compile(r"(?:^|[\s,;:])$")

# After a spelled number and a hyphen, words that make a fixed compound rather than a measure:
# "one-off", "one-way", "one-stop", "one-liner".
# ... and kinds named with a number: "the two-party system", "a two-state solution", "a
# two-tier system", "a two-horse race", "the one-child policy", "a one-man band".
_COMPOUND_TAILS = word_set("""
    off on up out in way stop liner shot all party state tier horse child nation man woman
    speed""")

# Capitalised at the start of a sentence before a figure ("Another 200", "Some 500");
# UNIT_STOPWORDS has the function words and "-ly" catches "Nearly", "Roughly", "Only".
_APPROXIMATORS = word_set("another almost around exactly just some over under up")

# Currency codes written before an amount ("USD 5 million"): not a name.
_CURRENCY_CODES = word_set("usd eur gbp jpy cny chf inr rs rub aud cad")

# The capitalised word right before a number ("Apollo 11", "World War One"); the text before
# it tells whether it starts the sentence (then it is any word, not a name).
_NAME_BEFORE = re.compile(r"(?P<word>[A-Z][\w'’.&-]*)\s$")
# (a list item's bullet opens its sentence too: "- Two doses of the vaccine are 97% effective")
_SENTENCE_START = re.compile(r"(?:^|^[-•*]\s+|[.!?:;—–]\s*|[\s(\[]*[“\"‘'(\[])\s*$")


def is_list_marker(text: str, start: int, end: int) -> bool:
    """Whether the number numbers a list item: "are: 1) Deviled, 2) Scotch"."""
    if text[end : end + 1] != ")" or "(" in text[:start]:
        return False
    return bool(_LIST_MARKER.search(text, max(0, start - 2), start))


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` begins the sentence or a quotation in it (after '“' or ': ')."""
    return bool(_SENTENCE_START.search(text, max(0, pos - 4), pos))


_NUMBER_SIGN = re.compile(r"\bNo\.?\s$")
_LABEL_BEFORE = re.compile(
    r"\b(?:section|article|clause|chapter|paragraph|schedule|category|stage|level|phase|tier"
    r"|class|grade|standard)\s$"  # "students up to class 12": a school year
)


# A rank written "top N" before one thing ("a top 10 finish"), not a count ("the top 10
# companies").
_RANK_BEFORE = re.compile(r"\b(?:a|an|his|her|their|its|first|another)\s+top[\s-]$", re.IGNORECASE)
_SINGULAR_AFTER = re.compile(r"[\s-][a-z]+(?<!s)\b")


# A word in capitals after the number's hyphen, spelled out, not a measure: "7-Eleven".
_NAME_AFTER_HYPHEN = re.compile(r"-(?:Eleven|Twelve|Up|Mobile)\b")


def is_name_number(text: str, start: int, end: int) -> bool:
    """Whether a bare integer is part of a name: "Apollo 11", "Channel 4", "Article 50".

    It follows a capitalised word that is not a function word or adverb, month, weekday or
    currency code, and no percent sign follows ("Labour 45%" is a poll figure). A figure after
    a name is written with a separator ("Italy 143,600") and is kept.
    """
    if PERCENT.match(text, end):
        return False
    if _NAME_AFTER_HYPHEN.match(text, end):
        return True  # "a 7-Eleven store", "the 3-Mobile network": the number opens a name
    label = _NUMBER_SIGN.search(text, max(0, start - 4), start)
    if label or _LABEL_BEFORE.search(text, max(0, start - 12), start):
        return True  # "No. 10 said", "a section 114 notice": a label, not a count
    if _RANK_BEFORE.search(text, max(0, start - 16), start) and _SINGULAR_AFTER.match(text, end):
        return True  # "a top 10 finish", "her first top-20 place": a rank, not ten finishes
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


# A software version: "version 4.2", "firmware 1.4", "v2" (not "a similar version 85-14" of
# a bill, nor "it would build 2 data centres").
_VERSION_BEFORE = re.compile(r"(?:\b(?P<word>[Vv]ersion|[Rr]elease|[Ff]irmware)\s|(?<![\w.])v)$")


def is_version(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is a version's name ("version 4.2 added ...")."""
    before = _VERSION_BEFORE.search(text, max(0, start - 10), start)
    return bool(before) and (not before.group("word") or "." in text[start:end])


# "no one" is a pronoun; "at one point" (stage, time ...) an idiom.
_NO_ONE = re.compile(r"\bno[\s-]$", re.IGNORECASE)
# "if one notices", "when one changes", "the one seen": "one" as a pronoun.
# '"It's a disaster," one resident told ...', "said one witness": an unnamed member of a
# group, as "One academic".
_AFTER_SAYING = re.compile(r"(?:[”\"],?|\b(?:said|says|told|added|according\s+to))\s+$")
_PRONOUN_ONE = re.compile(r"\b(?:if|when|as|the|that|which)\s+$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\bnumber\s+$", re.IGNORECASE)  # "the number one mission"
_AT_ONE = re.compile(r"\s+(?:point|stage|time|moment|juncture)\b", re.IGNORECASE)
# "one another", "one by one", "one way or another"; "with one voice", "in one go": idioms.
_ONE_IDIOM = re.compile(
    r"\s+(?:another|by\s+one|way\s+or\s+(?:another|the\s+other))\b", re.IGNORECASE
)
_WITH_IN_BEFORE = re.compile(r"\b(?:with|in)\s+$", re.IGNORECASE)
_WITH_IN_ONE = re.compile(r"\s+(?:voice|go|fell\s+swoop|piece)\b", re.IGNORECASE)


def is_word_number_in_name(text: str, m: re.Match[str], value: float) -> bool:
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
            _AFTER_SAYING.search(text, max(0, start - 16), start)
            and UNIT_WORD.match(text, end)
            and not OUT_OF.match(text, end)  # "said one in five customers": a share
        )
        or (_AT_BEFORE.search(text, max(0, start - 4), start) and _AT_ONE.match(text, end))
        or _ONE_IDIOM.match(text, end)
        or (
            _WITH_IN_BEFORE.search(text, max(0, start - 6), start) and _WITH_IN_ONE.match(text, end)
        )
        or _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    ):
        # "no one believes", "at one point", "the number one mission", "with one voice": a
        # pronoun or an idiom
        return True
    at_start = _starts_sentence(text, start)
    if spelled[0].isupper() and not at_start:
        return True
    return (
        at_start
        and value == 1
        and spelled == "One"
        and not OUT_OF.match(text, end)
        and bool(UNIT_WORD.match(text, end))
    )


# A government bond by its term: "the 10-year Treasury yield", "two-year gilts", "30-year bonds".
_BOND_AFTER = re.compile(
    r"\s+(?:(?:US|U\.S\.|German|Japanese|UK|British|government|benchmark|inflation-linked)\s+)?"
    r"(?:gilts?|bonds?|Treasury|Treasuries|Bunds?|bunds?|notes?|yields?|JGBs?|OATs?)\b"
)


def is_compound(text: str, hyphen: re.Match[str], unit: str, *, spelled: bool) -> bool:
    """Whether number-hyphen-word is a fixed compound rather than a measure ("10-year")."""
    first = unit.split("-")[0]
    if spelled and (first in _COMPOUND_TAILS or (len(first) > 4 and first.endswith("ed"))):
        return True  # "one-off", "one-sided"
    # "one-size-fits-all", "once-in-a-lifetime": a phrase of three words or more; an age
    # ("10-year-old") is a measure.
    if unit in {"year", "month"} and _BOND_AFTER.match(text, hyphen.end()):
        return True  # "the 10-year Treasury yield", "two-year gilts": a bond's name
    following = text[hyphen.end() : hyphen.end() + 2]
    return following[:1] == "-" and following[1:].isalpha() and not unit.endswith("-old")


# "at 5 p.m.", "9am", "by 1030 GMT" (a time zone in its capitals: "5 et al" is none)
_CLOCK = re.compile(r"\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)|\s(?:GMT|UTC|BST|CET|EST|EDT|ET)\b")


# the other days of a list or a range after the number: "on 12, 13 and 14 March"
_SECOND_DAY = re.compile(
    r"(?:(?:st|nd|rd|th)?,\s?\d{1,2}(?!\d))*"
    r"(?:st|nd|rd|th)?(?:\s+(?:and|to|or)\s+|\s?[-–]\s?)\d{1,2}(?!\d)"
)
# a month, then days and a connector, before the number: the last day of "on March 12, 13 and
# 14" ("On December 12, 13 people died" counts people)
_MONTH_AND_DAYS = re.compile(
    r"([A-Za-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s?\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:and|or|to)\s+$"
)


def is_date_part(text: str, start: int, end: int) -> bool:
    """Whether the number is the day in "15 February" or "February 15", or an hour ("5 p.m.")."""
    if _CLOCK.match(text, end):
        return True
    # "on 10 and 11 April", "from 3 to 5 May": the first day of two
    second = _SECOND_DAY.match(text, end)
    at = second.end() if second else end
    after = re.match(r"\s*(?:st|nd|rd|th)?\s+([A-Za-z]+)", text[at : at + 16])
    if after and after.group(1).lower() in MONTH_NAMES and after.group(1)[0].isupper():
        return True
    for before in (
        re.search(r"([A-Za-z]+)\.?,?\s+$", text[max(0, start - 16) : start]),
        _MONTH_AND_DAYS.search(text, max(0, start - 30), start),
    ):
        if before and before.group(1).lower() in MONTH_NAMES and before.group(1)[0].isupper():
            return True
    return False


# Unnamed sources counted: "three people familiar with the matter told Reuters", "according to
# two sources": who said it, not a figure an editor checks.
SOURCE_NOUNS = frozenset({"people", "sources", "officials", "diplomats", "insiders", "persons"})
_FAMILIAR = (
    r"\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to"
    r"|involved\s+in|aware\s+of)\s+(?:the|his|her|their|its)\s+[a-z]+(?:\s+[a-z]+)?"
)
_SAYING = r",?\s+(?:told|said|say|says|speaking|who\s+(?:spoke|asked|declined|requested))\b"
_FAMILIAR_SAYING = re.compile(_FAMILIAR + f"(?:{_SAYING})?")
_SAYING_AFTER = re.compile(_SAYING)
# "according to two officials", "..., Reuters reported, citing two sources"
_ACCORDING_BEFORE = re.compile(r"\b(?:according\s+to|citing)\s+$", re.IGNORECASE)


def counts_sources(text: str, start: int, unit: str, unit_end: int) -> bool:
    """Whether the count from ``start`` to ``unit_end`` (a SOURCE_NOUNS unit) counts the unnamed
    sources of what is said: people "familiar with the matter", officials or sources who say it
    ("two officials said"), or according to them; "Three people were killed" and "12 people
    said they were injured" are counts."""
    return bool(
        _FAMILIAR_SAYING.match(text, unit_end)
        or (unit.lower() not in {"people", "persons"} and _SAYING_AFTER.match(text, unit_end))
        or _ACCORDING_BEFORE.search(text, max(0, start - 14), start)
    )
