"""What a number counts: the noun phrase after it ("20,000 Russian islanders", "1,500 new
Border Patrol agents", "65 Boeing 737 Max 9 aircraft"). Split from claims.extraction.quantities."""

from __future__ import annotations

import re

from claims.extraction.glued_units import PICTURE_FORMAT
from claims.extraction.lexicon import MONTH_NAMES, UNIT_STOPWORDS, word_set
from claims.extraction.number_contexts import UNIT_WORD

# A model's number inside what was counted, after a capitalised word: "Boeing 737", "Max 9".
_MODEL_NUMBER = re.compile(r"\s(?P<number>\d{1,4})(?=\s+[A-Za-z])")

# A technology named with a digit and a capital, before the noun counted ("5G masts").
_TECH_NAME = re.compile(r"\s+(?P<word>[1-9][A-Z]{1,2})(?=\s+[a-z])")
# An aircraft's or a weapon's model, letters, a hyphen and a number: "12 F-35A jets", "24 AH-64
# helicopters", "30 T-90 tanks", "20 Covid-19 patients" (jets, helicopters, tanks, patients;
# not 12 "F").
_HYPHEN_MODEL = re.compile(r"\s+(?P<word>[A-Z][A-Za-z]{0,4}-\d{1,3}[A-Z]?)(?=\s+[a-z])")
_PARTS_PER = re.compile(r"\s+(?P<per>per\s+(?:million|billion|trillion))\b")
_OR_SO = re.compile(r"\s+or\s+so\b")  # "the 250 or so tortoises"

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

# Words that end the phrase after a number without naming what was counted: adverbs and
# prepositions ("the three above"), and past tenses that "-ed" does not catch ("the one held
# by"). UNIT_STOPWORDS has the function words.
_NOT_UNIT_WORDS = word_set("""
    above below behind beyond near ago apiece each respectively instead too again away back
    down off out up such another other else together altogether alone aside later earlier
    held led told said made found took gave went came saw kept left lost won paid sold sent
    spent met ran set put got hit cut shot became began brought bought thought fell spoke
    fought broke drew rose grew knew wrote died last next chose fled flew threw stood sat felt
    heard meant sought taught caught ahead
    """)
# Past tenses among them that describe the thing counted when a plural follows: "250,000 paid
# rides", "3,000 lost jobs" (not "the one held by").
_PAST_ADJECTIVES = word_set("paid lost sold held")
NOT_UNITS = (
    MONTH_NAMES | UNIT_STOPWORDS | _NOT_UNIT_WORDS | {"percent", "per", "cent", "bn", "m", "k"}
)
# Nouns ending in "s" that are no plurals: "2,911 confirmed measles cases", "40 news outlets".
_SINGULAR_IN_S = word_set("measles mumps rabies diabetes herpes news series species")
# Nouns whose plural is the word itself, which may also describe a noun ("aircraft carriers").
_SAME_IN_PLURAL = word_set("aircraft spacecraft")
# Plurals that describe the noun after them: "three sports cars", "12 savings accounts".
_PLURAL_ADJUNCTS = word_set("sports savings arms goods sales customs earnings")
# Adjectives ending like adverbs, read into what was counted when a noun follows them.
_LY_ADJECTIVES = word_set("daily weekly monthly yearly quarterly hourly nightly elderly")

# A comparison between a figure and its noun: "200 more jobs", "3,000 fewer nurses".
_COMPARED = frozenset({"more", "fewer"})


def unit_after(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The noun phrase naming what was counted, up to three words (and a model's numbers among
    them), and where it ends."""
    words: list[str] = []
    approximate = _OR_SO.match(text, pos, limit)
    end = approximate.end() if approximate else pos  # "the 250 or so tortoises"
    # Three words at most, a fourth when it is the plural the three describe ("1,500 new
    # Border Patrol agents"): a plural ends the phrase, so none of the three was one.
    while (n := sum(1 for w in words if not w[0].isdigit())) < 3 or (
        n == 3 and _plural_next(text, end, limit)
    ):
        # "12 F-35A jets": the model whole (the word reader stops at its hyphen)
        m = (not words and _HYPHEN_MODEL.match(text, end, limit)) or UNIT_WORD.match(
            text, end, limit
        )
        if not m and not words:
            # "two 4K displays", "200 5G masts", "40 3D printers": displays, masts, printers
            m = PICTURE_FORMAT.match(text, end, limit) or _TECH_NAME.match(text, end, limit)
        if not m and words and not words[-1].islower():
            # "65 Boeing 737 Max 9 aircraft", "30 million iPhone 16 handsets"
            model = _MODEL_NUMBER.match(text, end, limit)
            if model:
                words.append(model.group("number"))
                end = model.end()
                continue
        if not m:
            break
        word = m.group("word")
        lower = word.lower()
        adverb = lower.endswith("ly") and not (
            lower in _LY_ADJECTIVES and UNIT_WORD.match(text, m.end(), limit)
        )  # "600 million monthly users" counts users; "rose 5% weekly" ends at the figure
        participle = (
            len(lower) > 4
            and lower.endswith("ed")
            and not (not words and _plural_next(text, m.end(), limit))
        )  # "20 people killed" ends at people; "46,000 suspected cases" counts cases
        if lower in _PAST_ADJECTIVES and not words and _plural_next(text, m.end(), limit):
            words.append(word)  # "250,000 paid rides", "3,000 lost jobs" count rides and jobs
            end = m.end()
            continue
        if lower in _COMPARED and not words and _plural_next(text, m.end(), limit):
            words.append(word)  # "200 more jobs", "4 million fewer people"
            end = m.end()
            continue
        described = UNIT_WORD.match(text, m.end(), limit) if adverb and not words else None
        if (
            described
            and described.group("word").lower() not in NOT_UNITS
            and _plural_next(text, described.end(), limit)
        ):
            # "138 publicly funded institutions", "2 million fully vaccinated people"
            words += [word, described.group("word")]
            end = described.end()
            continue
        if lower in NOT_UNITS or adverb or participle or lower.endswith(("n't", "n’t")):
            break  # "one farmer can't fix": a verb ends it, as "can" does
        gerund = lower.endswith("ing") and word.islower()  # not a name: "65 Boeing jets"
        if gerund and words:
            break  # "20 people living ..." keeps "people", not "people living"
        if gerund and not _plural_next(text, m.end(), limit):
            break  # "two voting to hold" counts no "voting"; "5 remaining seats" counts seats
        words.append(word)
        end = m.end()
        if lower == "police" and _plural_next(text, end, limit):
            continue  # "20,000 new police officers": officers counted
        per = _PARTS_PER.match(text, end, limit) if lower == "parts" else None
        if per:  # "424 parts per million": a concentration, whole
            words.append(per.group("per"))
            end = per.end()
            break
        # English noun phrases end in their head noun, usually the first plural:
        # "20,000 Russian islanders", "five member states".
        if lower in _COMPLETE_UNITS or word.endswith(("’s", "'s")):
            break
        # A plural ends it ("100 basis points": "crisis", "bonus" are none), but a name
        # ending in s goes on to its noun: "8.5 million Windows devices".
        plural = _plural_form(lower) and lower not in _SINGULAR_IN_S
        if plural and lower in _PLURAL_ADJUNCTS and UNIT_WORD.match(text, end, limit):
            continue
        if plural and not (word[:1].isupper() and UNIT_WORD.match(text, end, limit)):
            break
    return " ".join(words), end


def _plural_form(lower: str) -> bool:
    """Whether a word in small letters ends like a plural ("crisis", "bonus" do not)."""
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "is", "us"))


def _plural_next(text: str, pos: int, limit: int) -> bool:
    """Whether the word at ``pos`` is a plural noun ("cases" after "suspected")."""
    m = UNIT_WORD.match(text, pos, limit)
    lower = m.group("word").lower() if m else ""
    # "cases", "men" ("5 armed men"), "aircraft" ("30 fewer aircraft")
    noun = _plural_form(lower) or lower in _COMPLETE_UNITS or lower in _SAME_IN_PLURAL
    return noun and lower not in NOT_UNITS
