"""Other fact-checkers' ratings, read: the textual rating mapped to ours, and the numbers.

Pure Python (no Django): the parser (claims.interchange.claimreview_import) calls it, and the
values it returns are claims.models.Rating's values as plain strings (a test holds them to
that list), so this module needs nothing from the models.

A name maps to one of our ratings only when the mapping is clear: the whole name, once
normalised (case, accents kept, `_`/`-` as spaces, trailing full stops and exclamation marks
dropped), must be in the table. Nothing is guessed from a part of a sentence ("Reker hat diesen
Satz nie gesagt" maps to nothing) and nothing from the numbers: publishers use their own
scales (Agência Lupa rates "Falso" 4 of 6, AFP "False" 1 of 5).
"""

from __future__ import annotations

import math
import re
import unicodedata

# Our ratings (claims.models.Rating values).
TRUE = "true"
MOSTLY_TRUE = "mostly_true"
MIXED = "mixed"
MOSTLY_FALSE = "mostly_false"
FALSE = "false"
MISLEADING = "misleading"
UNVERIFIABLE = "unverifiable"

# Normalised textual rating -> our rating. Languages: English, Spanish, Portuguese, French,
# German, Italian, Chinese (traditional and simplified), Arabic, Hindi, Bengali, Urdu.
RATING_NAMES: dict[str, str] = {
    # false
    "false": FALSE,
    "incorrect": FALSE,
    "wrong": FALSE,
    "fake": FALSE,
    "totally false": FALSE,
    "really false": FALSE,  # 20 Minutes' machine-style "really_false"
    "pants on fire": FALSE,
    "falso": FALSE,
    "falsa": FALSE,
    "totalmente falso": FALSE,
    "faux": FALSE,
    "fausse": FALSE,
    "c'est faux": FALSE,
    "falsch": FALSE,
    "錯誤": FALSE,
    "错误": FALSE,
    "假": FALSE,
    "虛假": FALSE,
    "虚假": FALSE,
    "زائف": FALSE,
    "خطأ": FALSE,
    "كاذب": FALSE,
    "مزيف": FALSE,
    "गलत": FALSE,
    "ग़लत": FALSE,
    "झूठ": FALSE,
    "फर्जी": FALSE,
    "फ़र्ज़ी": FALSE,
    "মিথ্যা": FALSE,
    "ভুয়ো": FALSE,
    "غلط": FALSE,
    "جھوٹ": FALSE,
    # true
    "true": TRUE,
    "correct": TRUE,
    "accurate": TRUE,
    "verdadero": TRUE,
    "verdadera": TRUE,
    "verdadeiro": TRUE,
    "verdadeira": TRUE,
    "vrai": TRUE,
    "vraie": TRUE,
    "wahr": TRUE,
    "richtig": TRUE,
    "vero": TRUE,
    "正確": TRUE,
    "正确": TRUE,
    "صحيح": TRUE,
    "सच": TRUE,
    "सही": TRUE,
    "সত্য": TRUE,
    # mostly true
    "mostly true": MOSTLY_TRUE,
    "mostly correct": MOSTLY_TRUE,
    "mostly accurate": MOSTLY_TRUE,
    "mayormente verdadero": MOSTLY_TRUE,
    "principalmente verdadero": MOSTLY_TRUE,
    "plutôt vrai": MOSTLY_TRUE,
    "größtenteils wahr": MOSTLY_TRUE,
    "重要部分正確": MOSTLY_TRUE,
    # mostly false
    "mostly false": MOSTLY_FALSE,
    "mayormente falso": MOSTLY_FALSE,
    "principalmente falso": MOSTLY_FALSE,
    "plutôt faux": MOSTLY_FALSE,
    "größtenteils falsch": MOSTLY_FALSE,
    # mixed
    "half true": MIXED,
    "mixture": MIXED,
    "mixed": MIXED,
    "verdad a medias": MIXED,
    "medio verdadero": MIXED,
    "meia verdade": MIXED,
    "à moitié vrai": MIXED,
    "halb wahr": MIXED,
    "部分錯誤": MIXED,
    "部分错误": MIXED,
    # misleading
    "misleading": MISLEADING,
    "missing context": MISLEADING,
    "out of context": MISLEADING,
    "engañoso": MISLEADING,
    "engañosa": MISLEADING,
    "enganoso": MISLEADING,
    "enganosa": MISLEADING,
    "sacado de contexto": MISLEADING,
    "fora de contexto": MISLEADING,
    "trompeur": MISLEADING,
    "trompeuse": MISLEADING,
    "hors contexte": MISLEADING,
    "irreführend": MISLEADING,
    "fehlender kontext": MISLEADING,
    "fuorviante": MISLEADING,
    "誤導": MISLEADING,
    "误导": MISLEADING,
    "مضلل": MISLEADING,
    "भ्रामक": MISLEADING,
    "বিভ্রান্তিকর": MISLEADING,
    "گمراہ کن": MISLEADING,
    # unverifiable
    "unverifiable": UNVERIFIABLE,
    "unproven": UNVERIFIABLE,
    "inverificable": UNVERIFIABLE,
    "invérifiable": UNVERIFIABLE,
    "não verificável": UNVERIFIABLE,
    "unbelegt": UNVERIFIABLE,
    "無法證實": UNVERIFIABLE,
    "无法证实": UNVERIFIABLE,
}

_SEPARATORS = re.compile(r"[\s_\-]+")
# Full stops and exclamation marks, ASCII and CJK (U+3002, U+FF01).
_TRAILING = re.compile("[\\s.!\u3002\uff01]+$")


def normalise_rating_name(name: str) -> str:
    """The table's key for a textual rating: NFC, case-folded, `_` and `-` read as spaces,
    white space collapsed, trailing full stops and exclamation marks dropped."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _TRAILING.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def our_rating(name: str | None) -> str | None:
    """Our rating (a claims.models.Rating value) for a publisher's textual rating, or None
    when the mapping is not clear."""
    if not name:
        return None
    return RATING_NAMES.get(normalise_rating_name(name))


def rating_number(value: object) -> int | float | None:
    """A ratingValue/bestRating/worstRating as a number: ints and floats as they are, numeric
    strings ("1", " 4 ", "2,5") parsed; anything else (empty, words, booleans, NaN) None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        number = value
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number


def rating_scale(
    value: object, best: object, worst: object
) -> tuple[int | float | None, int | float | None, int | float | None]:
    """(ratingValue, bestRating, worstRating) as numbers, where they mean something.

    A scale whose best equals its worst (20 Minutes sends -1/-1/-1) is no scale: both go. A
    ratingValue of -1 is the "no numeric rating" convention, so it goes too unless the scale's
    worstRating reaches down to -1.
    """
    number, top, bottom = rating_number(value), rating_number(best), rating_number(worst)
    if top is not None and bottom is not None and top == bottom:
        top = bottom = None
    if number == -1 and (bottom is None or bottom > -1):
        number = None
    return number, top, bottom
