"""The guard: is a close match the same claim, or only a related one?

A sentence encoder scores "20,000 islanders live there" and "17,000 islanders live there" as
near-identical; a fact-checker would not. compare() reads what the encoder blurs, with the
extraction package's own readers: the quantities (claims.extraction.quantities), the named
actors (capitalised names, minus sentence starters and titles from claims.extraction.lexicon)
and negation. It labels a match; it does not rank (ranking is by meaning and wording). label()
also calls a match whose probability is below claims.semantic.ranking.SAME_CLAIM_THRESHOLD
"related" (WEAK_MATCH): the guard cannot tell two claims on one topic apart by their words.

A capital letter makes a name only where capitals mean something. At the start of a sentence,
in an all-capitals word ("NEVER", "FAKE") and in a title-cased headline ("Did Rep. Darrell
Issa 'Hide' on a Rooftop to Avoid Protesters?") a word English writes in small letters
(data/common_words.txt, counted by bench/build_common_words.py) is not an actor: "Photographs
show ..." names nobody. The signature of an embedded tweet ("... — Jane Doe (@jdoe) May 30,
2017") names who posted it, not who the claim is about, and whoever the claim is attributed to
("..., Reuters reported"; claims.extraction.speakers) is no actor of it either: two outlets
quoting two sources for one figure repeat one claim. Either may still be whom the other claim
is about, so their names count as shared, never as different. Dots and
hyphens do not part one name from another ("U.S." and "US" are one actor), nor does an acronym
from its name written out ("BLM", "Black Lives Matter"). In a text of several sentences, figures,
actors and negation are read on the sentence of each text that shares the most words with the
other (an embedded tweet's date and handle are no figures).

Known limits: a capitalised word that no corpus of the list had inside a sentence still reads
as an actor ("Lmfao ..."); a short sentence of names only reads as a headline, so a common
word in it that follows no given name is dropped ("Black Lives Matter met ..."); negation is
counted by cue words ("not", "denied", "is false"), so other ways of denying ("rejected the
claim") do not negate, and a "not" inside a quotation counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import ENGLISH_STOPWORDS, MONTH_NAMES, SENTENCE_STARTERS, TITLES
from claims.extraction.people import SpeakerContext
from claims.extraction.quantities import Quantity, find_quantities
from claims.extraction.speakers import find_speaker

# Relative tolerance for "the same figure": 1.2 million and 1,200,000 agree; 20,000 and
# 17,000 do not; a rounded 20,000 against 20,100 does (0.5%).
FIGURE_TOLERANCE = 0.005

# Negation cues, and the words that deny a claim outright ("X denied ...", "... is false").
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|isn't|aren't|wasn't"
    r"|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't"
    r"|shouldn't|hasn't|haven't|hadn't|deny|denies|denied|denying|untrue"
    r"|(?<=is |as |re )false)\b",
    re.IGNORECASE,
)
# Both readers work on text whose typographic apostrophes (U+2019) became ASCII ones.
_APOSTROPHES = str.maketrans({"\u2019": "'"})
# Capitalised words (and acronyms), joined into names by connectors: "Bank of England".
_CONNECTORS = frozenset({"of", "the", "de", "von", "van", "der", "al", "bin", "la"})
_NAME = re.compile(
    r"\b[A-Z][\w'.-]*(?:\s+(?:(?:" + "|".join(sorted(_CONNECTORS)) + r")\s+)*[A-Z][\w'.-]*)*"
)
_NOT_ACTORS = SENTENCE_STARTERS | TITLES | MONTH_NAMES | {"q0"}
COMMON_WORDS_FILE = Path(__file__).resolve().parent / "data" / "common_words.txt"
# After these (and at the start of a text) a capital is the rule, not a name's mark (also where
# bench/build_common_words.py counts no word).
CAPITAL_AFTER = frozenset(".!?:;\"\u201c\u201d\u2018'([\u2014\u2013-")
# "... — Jane Doe (@jdoe) May 30, 2017" closing a text: an embedded tweet's signature.
_SIGNATURE = re.compile(
    r"\s(?:\u2014|\u2013|--?)\s*[^\n\u2014\u2013]{1,80}?\([^()\n]*\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\s*$"
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s|$)|\n")
_LONG_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}|\b[A-Z]{4,}\b")
# A headline is title-cased when all its words of four letters or more (at least
# TITLE_MIN_WORDS of them) begin with a capital.
TITLE_MIN_WORDS = 4


@dataclass(frozen=True)
class MatchKind:
    kind: Literal["same", "related"]
    reason: str = ""


def _figure(q: Quantity) -> str:
    """The number as written, without its unit: "20,000 islanders" -> "20,000"."""
    if q.unit and q.text.endswith(q.unit):
        return q.text[: -len(q.unit)].strip()
    return q.text


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= FIGURE_TOLERANCE * max(abs(x), abs(y))


def _figure_conflict(a: str, b: str) -> str | None:
    first, second = find_quantities(a), find_quantities(b)
    # A paraphrase may drop a figure; only two different figures are a conflict.
    only_a = [q for q in first if not any(_same_value(q.value, r.value) for r in second)]
    only_b = [q for q in second if not any(_same_value(q.value, r.value) for r in first)]
    if only_a and only_b:
        return f"different figure: {_figure(only_a[0])} vs {_figure(only_b[0])}"
    return None


def _forms(word: str) -> set[str]:
    """A word and what it reads as without a plain inflection: "evicted" -> "evict", "evicte"."""
    forms = {word}
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)] + replacement)
    if word.endswith("ing") and len(word) >= 6:
        forms |= {word[:-3], word[:-3] + "e"}
    return forms


@cache
def common_words() -> frozenset[str]:
    """Words English writes in small letters (data/common_words.txt), with their forms."""
    words = COMMON_WORDS_FILE.read_text(encoding="utf-8").split()
    return frozenset(form for word in words for form in _forms(word))


def _is_common(word: str) -> bool:
    """A word of the list, or one of its plain inflections ("Butchers", "Evict" for the
    list's "evicted")."""
    if word.rstrip(".'") == "US":  # the country, not "us"
        return False
    word = re.sub(r"'s$", "", word.lower().rstrip(".'"))
    return word in ENGLISH_STOPWORDS or not _forms(word).isdisjoint(common_words())


def _title_cased(text: str) -> list[tuple[int, int]]:
    """The spans of the text's title-cased sentences (a headline's capitals name nothing)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        # Title case (as news desks write it) capitalises every word of four letters or more;
        # a sentence full of names still has a verb or noun in small letters ("show").
        words = _LONG_WORD.findall(text, start, end)
        if len(words) >= TITLE_MIN_WORDS and all(w[0].isupper() for w in words):
            spans.append((start, end))
        start = end
    return spans


def _in_capitals(word: str) -> bool:
    letters = word.strip(".'-")
    return len(letters) >= 2 and letters.isupper() and "." not in letters


def _capital_means_nothing(text: str, start: int, word: str, headlines, next_word: str) -> bool:
    """Is this word's capital the rule where it stands (a sentence's first word, a word in
    capitals, a headline's word) rather than a name's mark? A sentence's first word followed
    by a capitalised word keeps its capital's meaning: "Black Lives Matter", "New York"."""
    if _in_capitals(word) or any(a <= start < b for a, b in headlines):
        return True
    before = text[:start].rstrip()
    opens = not before or before[-1] in CAPITAL_AFTER
    return opens and not (next_word[:1].isupper() and not _in_capitals(next_word))


def _name_runs(text: str, match: re.Match, headlines) -> list[list[str]]:
    """The words of one capitalised run, parted where a word's capital means nothing and the
    word is a common one ("PLS IGNORE THIS FAKE NEWS" -> "PLS", "NEWS")."""
    runs: list[list[str]] = [[]]
    tokens = list(re.finditer(r"\S+", match.group()))
    for k, word in enumerate(tokens):
        start = match.start() + word.start()
        token = word.group()
        following = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        after_given_name = k > 0 and tokens[k - 1].group().lower() in first_name_genders()
        if (
            token[0].isupper()
            and not after_given_name  # a surname: "Jeremy Hunt", "Bill Gates"
            and _capital_means_nothing(text, start, token, headlines, following)
            and _is_common(token)
        ):
            runs.append([])
            continue
        runs[-1].append(token)
        # "... met Trump. White House officials ..." and "Trump's American Health Care Act"
        # are two names each.
        if _ends_sentence(token) or token.endswith("'s"):
            runs.append([])
    return [run for run in runs if run]


def _ends_sentence(token: str) -> bool:
    """A full stop after a word, not after an initial or abbreviation ("J.", "U.S.", "Dr.")."""
    word = token.rstrip(".")
    return (
        token.endswith(".")
        and len(word) > 1
        and "." not in word
        and word.lower() not in TITLES | {"jr", "sr", "st", "mt", "ft", "co", "inc", "ltd"}
    )


def actors(text: str) -> list[str]:
    """Named actors in order of appearance: capitalised runs that are not sentence starters,
    titles or months ("President Joe Biden" -> "Joe Biden"), nor common words whose capital
    means nothing where they stand ("Photographs show ...")."""
    return list(_actors_of(text))


@lru_cache(maxsize=1024)
def _actors_of(text: str) -> tuple[str, ...]:
    # compare() reads a one-sentence text's actors twice (as the text and as its core).
    return tuple(_actors(_SIGNATURE.sub("", text.translate(_APOSTROPHES))))


def _signers(text: str) -> list[str]:
    """Who an embedded tweet's signature names (none without one)."""
    signature = _SIGNATURE.search(text.translate(_APOSTROPHES))
    return _actors(signature.group().lstrip(" \u2014\u2013-")) if signature else []


def _opening_filler(word: str) -> bool:
    """A word a name does not begin with: a sentence starter, title, month or connector, also
    as a contraction ("I'm", "It's")."""
    word = re.sub(r"'(?:m|re|ve|ll|d|s)$", "", word.lower().strip("."))
    return word in _NOT_ACTORS | _CONNECTORS


def _actors(text: str) -> list[str]:
    headlines = _title_cased(text)
    found: list[str] = []
    for match in _NAME.finditer(text):
        for words in _name_runs(text, match, headlines):
            while words and _opening_filler(words[0]):
                words.pop(0)
            while words and words[-1].lower() in _CONNECTORS:
                words.pop()
            name = " ".join(words).rstrip(".'")
            name = re.sub(r"'s$", "", name)
            if name and name.lower() not in _NOT_ACTORS:
                found.append(name)
    return found


def _words(names: list[str]) -> set[str]:
    """The words of names, lower-cased, dots dropped and hyphens parting words ("U.S.-led" ->
    "us", "led")."""
    return {
        part
        for name in names
        for word in name.lower().split()
        for part in word.replace(".", "").split("-")
        if part
    }


def _same_word(x: str, y: str) -> bool:
    """One name's word in another's form: "Kurils"/"Kuril", "Russia"/"Russians" (one is a
    prefix of the other, the shorter at least four letters), or equal."""
    if x == y:
        return True
    shorter, longer = sorted((x, y), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


def _shares_word(name: str, words: set[str] | frozenset[str]) -> bool:
    return any(_same_word(w, other) for w in _words([name]) for other in words)


def _initials(name: str) -> str:
    """ "Black Lives Matter" -> "BLM", "Department of Health" -> "DH"."""
    return "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS | {"and", "for"})


def _acronyms(name: str) -> set[str]:
    """The words of a name written in capitals, dots dropped: "U.S." -> "US", "HHS Gov" -> "HHS"."""
    return {
        letters
        for word in name.split()
        if len(letters := word.replace(".", "").strip("'-")) >= 2 and letters.isupper()
    }


def _abbreviates(name: str, names: list[str]) -> bool:
    """Is one of the names the other written out or shortened ("BLM" / "Black Lives Matter",
    "U.S." / "United States")?"""
    return any(
        _acronyms(name) & {_initials(other).upper()} or _acronyms(other) & {_initials(name).upper()}
        for other in names
        if len(other.split()) >= 2 or len(name.split()) >= 2
    )


@lru_cache(maxsize=1024)
def _speaker_words(sentence: str) -> frozenset[str]:
    # A look-up compares one text with many candidates: its sentence is read once.
    return frozenset(_words([find_speaker(sentence, SpeakerContext())]))


def _claim_actors(text: str, core: str) -> tuple[list[str], list[str]]:
    """The actors of the claim a text makes, and every name the other claim may share with it.

    The claim's own actors are the text's names that stand in its core sentence (the one that
    shares the most words with the other claim). Whoever signed an embedded tweet, or said
    the claim ("..., Jeremy Hunt announced"; claims.extraction.speakers), may be whom the
    other claim is about ("Jill Stein endorsed Trump" against her tweet) but is no actor of
    the claim itself: two outlets quoting two sources for one figure repeat one claim.
    """
    in_core = actors(core)
    speaker = _speaker_words(core)
    said_by = [n for n in in_core if _shares_word(n, speaker)]
    own = [n for n in actors(text) if n in in_core and n not in said_by]
    return own, own + _signers(text) + said_by


def _actor_conflict(a: str, b: str, core_a: str, core_b: str) -> str | None:
    first, names_a = _claim_actors(a, core_a)
    second, names_b = _claim_actors(b, core_b)
    # "Biden" and "Joe Biden" are one actor: names match when they share a word.
    words_a, words_b = _words(names_a), _words(names_b)
    only_a = [n for n in first if not _shares_word(n, words_b) and not _abbreviates(n, names_b)]
    only_b = [n for n in second if not _shares_word(n, words_a) and not _abbreviates(n, names_a)]
    if only_a and only_b:
        return f"different actor: {only_a[0]} vs {only_b[0]}"
    return None


def _negated(text: str) -> bool:
    # Parity: "it is not true that X did not ..." affirms. Rough, but claims are short.
    return len(_NEGATION.findall(text.translate(_APOSTROPHES))) % 2 == 1


def _sentences(text: str) -> list[str]:
    parts, start = [], 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if text[start:end].strip():
            parts.append(text[start:end])
        start = end
    return parts or [text]


def _content(sentence: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z0-9]+", sentence.lower())
        if len(w) >= 3 and w not in ENGLISH_STOPWORDS and _NEGATION.fullmatch(w) is None
    }


def _aligned(a: str, b: str) -> tuple[str, str]:
    """The sentence of each text that shares the most words with one of the other's (the
    first such pair on a tie; a text of one sentence is its own): where two claims overlap.
    In a text of several sentences (a pasted post, a claim with its headline) a figure, a name
    or a "not" elsewhere says nothing about the claim they share."""
    xs = [(x, _content(x)) for x in _sentences(a)]
    ys = [(y, _content(y)) for y in _sentences(b)]
    (x, _), (y, _) = max(
        ((px, py) for px in xs for py in ys), key=lambda pair: len(pair[0][1] & pair[1][1])
    )
    return x, y


# The reason of a match the guard finds nothing against but whose match probability is below
# claims.semantic.ranking.SAME_CLAIM_THRESHOLD: alike in topic, perhaps not the same claim.
WEAK_MATCH = "weak match"


def label(a: str, b: str, *, score: float, same_from: float | None) -> MatchKind:
    """compare(), and a match scoring below `same_from` (a match probability; None: no such
    floor, as for wording-only scores) is "related" with WEAK_MATCH even when nothing else
    tells the two apart."""
    found = compare(a, b)
    if found.kind == "same" and same_from is not None and score < same_from:
        return MatchKind("related", WEAK_MATCH)
    return found


def compare(a: str, b: str) -> MatchKind:
    """The label of a match: "same" when nothing tells the two claims apart, else "related"
    with the first reason found (figures, then actors, then negation), each read on the
    sentences where the two texts overlap (_aligned)."""
    core_a, core_b = _aligned(a, b)
    figures = _figure_conflict(_unsigned(core_a), _unsigned(core_b))
    for reason in (figures, _actor_conflict(a, b, core_a, core_b)):
        if reason:
            return MatchKind("related", reason)
    if _negated(core_a) != _negated(core_b):
        return MatchKind("related", "negated")
    return MatchKind("same")


def _unsigned(text: str) -> str:
    """The text without an embedded tweet's signature (its date and handle are no figures)."""
    return _SIGNATURE.sub("", text.translate(_APOSTROPHES))
