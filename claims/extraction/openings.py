"""What a sentence opens with, for the sentences after it: the name after an owner's
possessive ("Alphabet's Waymo has raised ..."), a person who takes a stand ("Yvette Cooper
defended the plans.", whose the quotation that follows on its own is), a business described by
a noun of business ("The streaming giant now has ..."). claims.extraction.speakers reads them.
"""

from __future__ import annotations

from claims.extraction.clauses import is_personal_name, opening_subject, subject_run
from claims.extraction.lexicon import word_set
from claims.extraction.names import Token, clean_run
from claims.extraction.org_kinds import is_business_noun


def owned_subject(tokens: list[Token]) -> list[Token]:
    """The name after an owner's possessive that opens the sentence: "Alphabet's Waymo has
    raised ...": Waymo."""
    if (
        len(tokens) < 3
        or not tokens[0].text.endswith(("'s", "’s"))
        or not tokens[0].text[0].isupper()
    ):
        return []
    owned = opening_subject(tokens)
    return owned if owned and owned[0] is tokens[1] else []


# Verbs of taking a stand that a quotation often follows, no verbs of saying themselves.
_STANCE_VERBS = word_set("""
    defended defends criticised criticized criticises criticizes praised praises welcomed
    welcomes condemned condemns slammed slams hailed hails""")


def stance_taker(text: str, tokens: list[Token]) -> str:
    """The person the sentence opens with, when they take a stand right after their name ("Home
    Secretary Yvette Cooper defended the government's plans"); else ""."""
    run = subject_run(tokens, allow_comma=False)
    after = len(run)
    if not run or run[0] is not tokens[0] or after >= len(tokens):
        return ""
    if tokens[after].lower not in _STANCE_VERBS or not tokens[after].text.islower():
        return ""
    name = clean_run(text, run)
    return name if " " in name and is_personal_name(name) else ""


def described_business(tokens: list[Token]) -> str:
    """ "the streaming giant" when the sentence opens with a business described by a noun of
    business, two words at most before it ("The streaming giant now has ..."); else ""."""
    for k in (2, 3):
        if len(tokens) <= k or tokens[0].lower != "the" or not tokens[k].text.islower():
            continue
        words = tokens[1:k]
        described = all(t.text.islower() and t.text.isalpha() for t in words)
        if described and is_business_noun(words[-1].lower):
            return "the " + " ".join(t.lower for t in words)
    return ""
