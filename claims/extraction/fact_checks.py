"""A fact-check's claim line and its claimant: "Claim: The UK spent £9bn on hotels for asylum
seekers in 2023." names nobody, and the page says who made it further down ("The claim was made
by Reform UK leader Nigel Farage in a video posted on X"). The labelled claim is then the
claimant's: the person the sentence that says who made it names right after "by"; its text
starts after the label (claims.extraction.pipeline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_Unit = tuple[int, int, str, str]  # (start, end, speaker, sentence)
# The label, up to the claim it introduces (which the claim's text starts after).
CLAIM_LABEL = re.compile(r"(?:Claim|The claim|What was claimed|Claimed)\s*:\s*(?=\S)")
_MADE_BY = re.compile(
    r"\b(?:claim|statement|post|video|figure)\s+(?:was|were)\s+(?:first\s+)?"
    r"(?:made|shared|posted|published|put\s+forward)\s+by\s+",
    re.IGNORECASE,
)
_NAME_WITHIN = 60  # characters after "by" in which the claimant's name stands


def labelled_claimant(pending: Sequence[_Unit], people: Iterable[str]) -> list[_Unit]:
    """``pending`` with a fact-check's "Claim: ..." lines that name no speaker given to the
    person the page says made the claim (``people``: the full names the page wrote)."""
    labelled = [k for k, unit in enumerate(pending) if not unit[2] and CLAIM_LABEL.match(unit[3])]
    if not labelled:
        return list(pending)
    claimant = _claimant(pending, {p for p in people if " " in p})
    if not claimant:
        return list(pending)
    out = list(pending)
    for k in labelled:
        start, end, _, sentence = out[k]
        out[k] = (start, end, claimant, sentence)
    return out


def _claimant(pending: Sequence[_Unit], people: set[str]) -> str:
    """The first person named within a few words after "The claim was made by"."""
    for _, _, _, sentence in pending:
        m = _MADE_BY.search(sentence)
        if m is None:
            continue
        after = sentence[m.end() : m.end() + _NAME_WITHIN]
        found = [(after.find(p), p) for p in people if p in after]
        if found:
            return min(found)[1]
    return ""
