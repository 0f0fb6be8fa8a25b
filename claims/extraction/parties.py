"""Political parties named by a description ("the opposition party", "the liberal party") or by
a member before a role ("Labour leader Chris Hipkins", "Liberal Democrat leader Ed Davey"):
which party a description means among those the text named (claims.extraction.organisations
keeps the mentions and asks here)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.extraction.lexicon import PARTY_NAMES, PARTY_PLURALS, PERSON_ROLES, word_set
from claims.extraction.names import Token, clean_run
from claims.extraction.people import DETERMINERS

# A party's member before a role: "Liberal Democrat leader Ed Davey" names the party.
_PARTY_MEMBER = word_set("""
    republican democrat conservative tory liberal socialist green nationalist unionist""")
# Words that describe a party by its place, not its name: "the opposition party".
_PARTY_ROLES = word_set("opposition ruling governing main largest junior senior coalition")


def is_party_name(name: str) -> bool:
    """Whether ``name`` names a political party by its words: "Conservatives", "Senate
    Democrats", "the Labour Party", "Labour", "BJP"."""
    words = name.lower().split()
    return bool(words) and (
        words[-1] in PARTY_PLURALS
        or (len(words) > 1 and words[-1] == "party")
        or (len(words) == 1 and words[0] in PARTY_NAMES)
    )


def may_name_a_party(tokens: list[Token]) -> bool:
    """Whether capitalised words may name a party: "Labour", "Liberal Democrat"."""
    return any(t.lower in PARTY_NAMES or t.lower in _PARTY_MEMBER for t in tokens)


def party_before_role(text: str, run: list[Token]) -> str:
    """The party a name run opens with before a role ("Labour leader Chris Hipkins": Labour;
    "Liberal Democrat leader Ed Davey": Liberal Democrat), "" when it opens with none."""
    role = next((k for k, t in enumerate(run) if k and t.text in PERSON_ROLES), 0)
    if role and (run[0].lower in PARTY_NAMES or run[role - 1].lower in _PARTY_MEMBER):
        return clean_run(text, run[:role])
    return ""


def described_party(phrase: str, words: list[str], mentions: Iterable[tuple[str, str]]) -> str:
    """The party ``phrase`` ("The liberal party", "The opposition party"; ``words``: its words
    in lower case without determiners, "party" last) means among ``mentions`` ((name, kind) of
    the organisations named in this paragraph or the one before), "" when it cannot tell."""
    # "The liberal party says" after "The Liberal Democrats and the Greens": the one party
    # named whose name has the description's words
    marks = [w for w in words[:-1] if w.isalpha()]
    parties = [
        part  # "the Liberal Democrats and the Liberal Party": two of them
        for name, kind in mentions
        if kind == "party"
        for part in re.split(r"\s+and\s+(?:the\s+)?", name)
    ]
    named = {
        part
        for part in parties
        if marks and all(any(n.startswith(w) for n in part.lower().split()) for w in marks)
    }
    if len(named) == 1:
        return named.pop()  # "the conservative party": the Conservatives
    if marks and set(marks) <= _PARTY_ROLES and len(set(parties)) == 1:
        return parties[0]  # "Labour leader Chris Hipkins ... The opposition party said"
    described = phrase.split()
    # "Georgia's ruling Georgian Dream party says": a country's, as "the ruling ..." reads
    if described[0].endswith(("'s", "’s")) and described[0][:1].isupper() and len(described) > 2:
        described = ["the", *described[1:]]
    if described[0].lower() in DETERMINERS:
        # "The opposition Law and Justice party says": the Law and Justice party
        k = next((k for k, w in enumerate(described[1:-1], 1) if not w.islower()), 0)
        if (
            k
            and described[k][:1].isupper()
            and all(w.replace("-", "").isalpha() for w in described[1:k])
        ):
            return " ".join(described[k:])
    return ""
