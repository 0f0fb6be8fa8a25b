"""A full personal name written at a place in a sentence ("lawyer Tom Baker", "Rep. Ed Royce",
"Lewis A. Kaplan"), and where a run of capitalised words before a comma begins (moved out of
people.py, 2026-12-08, as it neared 500 lines)."""

from __future__ import annotations

import re

from claims.extraction.names import (
    POSTNOMINALS,
    Token,
    is_capitalised,
    is_leading_filler,
    is_title,
    name_after,
)
from claims.extraction.people import NOT_IN_PERSONAL_NAMES, NOT_PERSON_ENDINGS
from claims.extraction.speaker_types import PERSON, speaker_type


def name_start_before(tokens: list[Token], comma: int) -> int | None:
    """Where the capitalised words right before ``comma`` begin (at most four: "Aitor Martinez,
    a Spanish lawyer"); None for a longer run, an organisation or a title not read here."""
    start = comma
    while start > 0 and is_capitalised(tokens[start - 1]) and comma - start < 4:
        start -= 1
    return None if start > 0 and is_capitalised(tokens[start - 1]) else start


# A surname with a capital inside after a prefix: "DeSantis", "McDonald", "MacArthur",
# "LaGuardia", "O'Brien" (a plain one is a capital and lower case: "Smith", "Jean-pierre").
_INNER_CAPITAL = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z][a-z]+$")


_INITIAL = re.compile(r"[A-Z]\.?")


def _name_word(word: str) -> bool:
    if "-" in word.strip("-"):  # "Khoury-Haq", "Lloyd-Webber": each part a name word
        return all(_name_word(part) for part in word.split("-"))
    return (word[:1].isupper() and word[1:].islower()) or bool(_INNER_CAPITAL.match(word))


def person_after(tokens: list[Token], start: int) -> tuple[str, int]:
    """The full personal name written from ``start`` (a title before it left out: "Rep. Ed
    Royce", "Dr Ann Lee"), and the index of the token after it; ("", start) when the words
    there are no person's full name (one word, an organisation, a place, a possessive)."""
    run = name_after(tokens, start)[:4]
    cut = next((k for k, t in enumerate(run) if t.text in NOT_IN_PERSONAL_NAMES), None)
    if cut is not None:
        run = run[:cut]
    end = start + len(run)
    while run and (is_title(run[0]) or run[0].text.endswith(".") or is_leading_filler(run[0])):
        # "Rep. Ed Royce", "Dr Ann Lee": the title is not part of the name; "In London, the
        # mayor said" names no person "In London"
        run = run[1:]
    while len(run) > 2 and run[-1].text in POSTNOMINALS:
        run = run[:-1]  # "Prosecutor Anna Vigars KC told the jury"
    words = [t.text for t in run]
    following = tokens[end].text if end < len(tokens) else "."
    if (
        len(words) >= 2
        # "Lewis A. Kaplan": a middle initial inside the name
        and all(
            _name_word(t.text) or (0 < k < len(run) - 1 and _INITIAL.fullmatch(t.text))
            for k, t in enumerate(run)
        )
        and not any(t.text.endswith(("’s", "'s")) or is_title(t) for t in run)
        and speaker_type(" ".join(words)) == PERSON
        and words[-1].lower() not in NOT_PERSON_ENDINGS
        and (following in {",", ".", "(", "“", '"'} or following.islower())
    ):
        return " ".join(words), end
    return "", start
