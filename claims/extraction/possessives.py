"""A name's possessive written with an apostrophe alone after its final s, as AP style writes
it ("Mayor Eric Adams' office said", "Kamala Harris' campaign said", "Jones' lawyer said"),
read as the "'s" every speaker rule knows ("Senator Mark Warner's office said").

Only before a word that something of a person's or an organisation's speaks through (an
office, a campaign, a spokesman, a lawyer, a family), so a quotation closing after an s
("'I love the Beatles' she said") and a plural's possessive ("Lawmakers' aides", a word
written in small letters) are left as they are. The speaker finder reads the rewritten
sentence; offsets are never taken from it (the claim's span is the sentence's own).
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import word_set
from claims.extraction.small_words import is_a_word

# What speaks for its owner: "Eric Adams' office", "Harris' campaign", "Jones' lawyer".
_SPEAKING_FOR = word_set(
    """office department ministry campaign team administration government party family
    spokesperson spokesman spokeswoman spokespeople lawyer lawyers attorney attorneys counsel
    representative representatives aide aides adviser advisers advisor advisors wife husband
    son daughter father mother brother sister widow chief"""
)
_S_APOSTROPHE = re.compile(r"\b(?P<name>[A-Z][\w-]*s)['’](?=\s+(?P<next>[a-z]+)\b)")


def with_s_possessives(text: str) -> str:
    """``text`` with "Adams' office" read as "Adams's office" (see the module doc)."""
    if "s'" not in text and "s’" not in text:
        return text  # a cheap look first: this runs on every sentence
    return _S_APOSTROPHE.sub(_rewrite, text)


def _rewrite(match: re.Match[str]) -> str:
    name = match.group("name")
    if match.group("next") not in _SPEAKING_FOR or is_a_word(name):
        return match.group(0)  # "Lawmakers' aides": a plural's, no name
    return f"{name}'s"
