"""Key terms: the few words a search engine needs to find what else was written about a claim
(names, quantities with their units, content words), for related-source discovery
(claims.services.evidence.claim_discover_related). Pure Python, like the rest of extraction.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import (
    ATTRIBUTION_PARTICIPLES,
    ATTRIBUTION_VERBS,
    ENGLISH_STOPWORDS,
    MONTH_NAMES,
    SENTENCE_STARTERS,
    SPEAKER_FILLERS,
    TITLES,
    UNIT_STOPWORDS,
    word_set,
)
from claims.extraction.quantities import find_quantities

MAX_TERMS = 8
MAX_TEXT = 2000

# Words that carry no search value: function words, reporting verbs ("said", "claims") and
# vague quantifiers. Search engines AND the terms, so each useless word costs results.
STOPWORDS: frozenset[str] = (
    UNIT_STOPWORDS
    | ENGLISH_STOPWORDS
    | SENTENCE_STARTERS
    | ATTRIBUTION_VERBS
    | ATTRIBUTION_PARTICIPLES
    | SPEAKER_FILLERS
    | MONTH_NAMES
    | word_set(
        """
        very much many lot lots really thing things way ways something anything nothing everything
        someone anyone everyone make makes made get gets got going go goes went gone one ones
        would could should might like than then what who also well new said says claim claims
        claimed according percent per cent times time year years ago almost nearly around
        """
    )
)
# Lower-case words allowed inside a name: "Bank of England", "Ursula von der Leyen".
_NAME_CONNECTORS = frozenset({"of", "de", "del", "der", "van", "von", "la", "le", "da", "al"})
_APOSTROPHES = "'\u2019"  # the ASCII apostrophe and the typographic one news text uses
_WORD = re.compile(rf"[^\W_](?:[\w{_APOSTROPHES}.-]*[^\W_])?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _is_acronym(word: str) -> bool:
    # "WHO", "US", "COVID-19": kept although their lower-case forms are stopwords.
    return len(word) >= 2 and word.isupper()


def key_terms(text: str) -> str:
    """Search terms for a claim: names, quantities with their units and content words.

    At most MAX_TERMS terms (a multi-word name or quantity is one term), picked in that order of
    priority and given back in the order they appear in the text, stopwords dropped:
    "Officials said the Kuril bridge cost 412 million euros in 2021" ->
    "officials Kuril bridge cost 412 million euros 2021".
    """
    # A claim is a sentence or two; a pasted essay is cut, as its opening names what it is about.
    text = (text or "")[:MAX_TEXT]
    terms: list[tuple[int, int, str]] = []  # (priority, position, term)

    quantity_spans = []
    for quantity in find_quantities(text):
        quantity_spans.append((quantity.start, quantity.end))
        terms.append((1, quantity.start, quantity.text.strip()))

    def in_quantity(start: int, end: int) -> bool:
        return any(start < q_end and q_start < end for q_start, q_end in quantity_spans)

    words = [
        (match.start(), match.end(), _strip_possessive(match.group()))
        for match in _WORD.finditer(text)
        if not in_quantity(match.start(), match.end())
    ]

    index = 0
    while index < len(words):
        start, _end, word = words[index]
        if not _is_capitalised(word):
            _add_content_word(terms, start, word)
            index += 1
            continue
        # A run of capitalised words (with connectors inside) is one name.
        run = [words[index]]
        index += 1
        while index < len(words):
            next_start, _, next_word = words[index]
            gap = text[run[-1][1] : next_start]
            if gap.strip():  # punctuation between: "Paris, France" is two names
                break
            if _is_capitalised(next_word):
                run.append(words[index])
                index += 1
                continue
            if (
                next_word in _NAME_CONNECTORS
                and index + 1 < len(words)
                and _is_capitalised(words[index + 1][2])
                and not text[words[index][1] : words[index + 1][0]].strip()
            ):
                run.append(words[index])
                index += 1
                continue
            break
        _add_name(terms, text, run)

    chosen: list[tuple[int, str]] = []
    seen: set[str] = set()  # every chosen term, and each word of a chosen name
    for _priority, position, term in sorted(terms, key=lambda item: (item[0], item[1])):
        folded = term.casefold()
        if folded in seen:
            continue
        seen.add(folded)
        seen.update(folded.split())
        chosen.append((position, term))
        if len(chosen) >= MAX_TERMS:
            break
    return " ".join(term for _position, term in sorted(chosen))


def _strip_possessive(word: str) -> str:
    for apostrophe in _APOSTROPHES:
        if word.endswith(apostrophe + "s"):
            return word[:-2]
    return word.rstrip(_APOSTROPHES)


def _add_content_word(terms: list[tuple[int, int, str]], start: int, word: str) -> None:
    lowered = word.lower()
    if lowered in STOPWORDS:
        return
    if lowered.isdigit():
        if _YEAR.fullmatch(lowered):  # a bare year; other numbers come with their quantities
            terms.append((2, start, lowered))
        return
    if len(lowered) < 3 or not any(char.isalpha() for char in lowered):
        return
    terms.append((2, start, lowered))


def _add_name(
    terms: list[tuple[int, int, str]], text: str, run: list[tuple[int, int, str]]
) -> None:
    # Drop what only looks like a name: "The", "However" and other capitalised sentence openers,
    # and titles before a name ("Prime Minister Boris Johnson" -> "Boris Johnson").
    while run and not _is_acronym(run[0][2]) and run[0][2].lower() in STOPWORDS:
        run = run[1:]
    while len(run) > 1 and run[0][2].lower() in TITLES:
        run = run[1:]
    while run and run[-1][2] in _NAME_CONNECTORS:
        run = run[:-1]
    if not run:
        return
    start = run[0][0]
    at_sentence_start = start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 20) : start]))
    if len(run) == 1 and at_sentence_start and not _is_acronym(run[0][2]):
        # A lone capitalised first word is usually an ordinary word ("Officials said ...").
        _add_content_word(terms, run[0][0], run[0][2])
        return
    name = " ".join(word for _start, _end, word in run)
    terms.append((0, run[0][0], name))
