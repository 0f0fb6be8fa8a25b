"""What the quotation marks of a claim unit say to attribution: the text outside them (what is
inside is what was said, not who said it) and whether a real quotation is there at all.
The marks themselves are found by claims.extraction.sentences.quote_spans."""

from __future__ import annotations

import re

from claims.extraction.sentences import quote_spans

# Speech in the first or second person.
FIRST_PERSON = re.compile(r"\b(?:I|we|We|you|You|my|My|our|Our|us|me)\b")


def mask_quotes(text: str, continues_quote: bool) -> str:
    """``text`` with what is inside quotation marks blanked out, offsets unchanged.

    The marks stay, and so does a comma just inside the closing one (`“Colonialism,” argued`),
    which punctuates the sentence around the quote. A unit that starts inside a quotation
    opened by an earlier one is blanked up to its first closing mark.
    """
    spans = quote_spans(text)
    if continues_quote and not text.startswith(("“", '"', "«")):
        close = next((i for i, ch in enumerate(text) if ch in "”»"), -1)
        if close < 0:
            straight = text.find('" ')
            close = straight if straight > 0 and not text[straight - 1].isspace() else -1
        if close > 0:
            spans = [(-1, close + 1)] + [(a, b) for a, b in spans if a > close]
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for a, b in spans:
        closing = b <= len(text) and text[b - 1] in "”»\"'’"
        inner_start, inner_end = a + 1, b - 1 if closing else b
        inner_end = max(inner_start, inner_end)
        keep_comma = inner_end > inner_start and text[inner_end - 1] == ","
        parts.append(text[position:inner_start])
        parts.append(" " * (inner_end - inner_start - keep_comma))
        if keep_comma:
            parts.append(",")
        position = inner_end
    parts.append(text[position:])
    return "".join(parts)


def has_real_quote(text: str) -> bool:
    """Whether ``text`` quotes someone: a quoted clause of five or more words, at least half of
    them lower case, rather than a title (“Once Upon A Time in Hollywood”) or a term."""
    for a, b in quote_spans(text):
        inner = text[a + 1 : b].rstrip("”»\"'’")
        words = inner.split()
        if len(words) < 5 or sum(w[0].islower() for w in words) * 2 < len(words):
            continue
        # Speech, not a nickname or a phrase in quotes: introduced by a colon, a sentence of
        # its own (a capital to a full stop), or said in the first or second person.
        if (
            text[:a].rstrip().endswith(":")
            or (inner[:1].isupper() and inner.rstrip().endswith((".", "!", "?")))
            or FIRST_PERSON.search(inner)
        ):
            return True
    return False
