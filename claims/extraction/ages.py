"""Ages among a sentence's figures: "Jane Doe, 43, said", "has died aged 99", "three men,
aged 19, 21 and 24" (claims.extraction.quantities reads them as "years old")."""

from __future__ import annotations

import re

from claims.extraction.lexicon import MONTH_NAMES, ROLE_NOUNS, WEEKDAYS

# A capitalised name and a comma right before a number: "Jane Doe, 43,".
_AGE_BEFORE = re.compile(
    r"(?P<word>[A-Z][\w'’.-]*|\b(?:man|woman|boy|girl|teenager|mother|father|son|daughter"
    r"|victim|suspect|driver|resident|pensioner|patient|student|worker|officer)),\s$"
)


def is_age(text: str, start: int, end: int) -> bool:
    """Whether the number is an age in apposition ("Jane Doe, 43, said", "Alito, 73, has"),
    after "aged" ("has died aged 99", "a man aged 34", "died at the age of 88") or after ",
    who was" with nothing to say what it counts ("the woman, who was 67 and from Newark,")."""
    if not 0 < int(text[start:end]) <= 120:
        return False
    if _AGED.search(text, max(0, start - 40), start) and not _UNIT_AFTER_AGE.match(text, end):
        return True
    if _WHO_WAS.search(text, max(0, start - 20), start) and _BARE_AFTER.match(text, end):
        return True  # "the woman, who was 67 and from Newark,": a person's number, no unit
    if _PEOPLE_UNDER.search(text, max(0, start - 40), start) and _BARE_AFTER.match(text, end):
        return True  # "ban children under 16 from social media": an age limit
    if text[end : end + 1] in {".", ")"} and _LAST_OF_A_LIST.search(
        text, max(0, start - 60), start
    ):
        return True  # "Jamal Harris, 27, and Keisha Brown, 25.": the last of a list of people
    # "... said mother-of-two Karen Price, 41.": the sentence ends after the age of the one
    # who spoke (not "... and Team Brown, 25.")
    ends = (
        text[end : end + 1] == "."
        and not text[end + 1 : end + 2].isalnum()
        and bool(_SAID_BEFORE.search(text, max(0, start - 80), start))
    )
    if text[end : end + 1] != "," and not ends:
        return False
    before = _AGE_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        # "The singer, 33, is due to play ...": a person described by a role
        role = _ROLE_BEFORE.search(text, max(0, start - 40), start)
        return role is not None and role.group("role").lower() in ROLE_NOUNS
    word = before.group("word").lower()
    return word not in MONTH_NAMES and word not in WEEKDAYS


_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|explained)\s+[^.!?;:]{2,60},\s$")
_ROLE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their)\s+(?P<role>[a-z-]+),\s$", re.IGNORECASE)
# People under or over an age: "children under 16", "anyone over 65", "adults over 50 and"
_PEOPLE_UNDER = re.compile(
    r"\b(?:children|kids|people|anyone|those|users|teenagers|adults|pupils|drivers|women|men"
    r"|girls|boys|patients|workers|voters)\s+(?:(?:aged|who\s+are)\s+)?(?:under|over|below|above)\s$",
    re.IGNORECASE,
)
# ", who was " right before the number: only a person is a "who"
_WHO_WAS = re.compile(r",\s+who\s+(?:was|is)\s$")
# and nothing after it that says what it counts: "who was 67 and from Newark", "who is 34."
_BARE_AFTER = re.compile(r"(?:[,.;)]|\s+(?:and|when|at|in|from)\b)")
# "..., and Keisha Brown, " right before the number: the last person of a list with their ages
_LAST_OF_A_LIST = re.compile(
    r"[A-Z][\w'’-]*,\s\d{1,3},\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s$"
)
# "aged 99", "aged 19, 21 and 24", "at the age of 88" right before the number
_AGED = re.compile(
    r"\b(?:aged|at\s+the\s+age\s+of)\s+(?:\d{1,3}(?:,\s*|\s+and\s+))*$", re.IGNORECASE
)
# Not an age: "aged 18 to 24", "aged 65 and over", "aged 12 months" (a range or another unit)
_UNIT_AFTER_AGE = re.compile(
    r"\s*(?:-|–|to\b|(?:and|or)\s+(?:over|older|above|under|up)\b|months?\b|weeks?\b|days?\b|\+)"
)
