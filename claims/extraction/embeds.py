"""Posts embedded in an article (a tweet, an Instagram post), as pasted text shows them: the
post's text, then its signature line ("— Eric Adams (@NYCMayor) March 4, 2024", "A post shared
by Jane Doe (@janedoe)").

The signature is page furniture (boilerplate drops it), but it names who wrote the post: the
pipeline gives the post's sentences (those of the signature's paragraph above it, or of the
paragraph right before when the signature stands alone) that name no speaker of their own to
that author. An epigraph's signature ("“We lied, we cheated, we stole.”" then "— Mike Pompeo,
College Station, TX, April 15, 2019") is read the same way, for the quotations above it. A
trailing picture link ("... we're not stopping. pic.twitter.com/abc123") is cut off the
sentence it ends.
"""

from __future__ import annotations

import re

from claims.extraction.given_names import first_name_genders
from claims.extraction.names import POSTNOMINALS

EMBEDDED_POST = "embedded post signature"
QUOTE_SIGNATURE = "quotation signature"

_SIGNATURE = re.compile(
    r"^(?:[—–-]{1,2}\s*|a\s+post\s+shared\s+by\s+)"
    r"(?P<name>[^()@\n]{1,80}?)\s*\(@\w{1,30}\)"
    r"(?:\s*(?:on\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\s*\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})?"
    r"\s*$",
    re.IGNORECASE,
)
# A picture or short link a post ends with: "pic.twitter.com/abc123", "https://t.co/abc123".
TRAILING_POST_LINK = re.compile(r"\s+(?:pic\.twitter\.com|https?://t\.co)/\w+\s*$")


# An epigraph's or a pull quote's attribution on its own line, after the quotation: "— Mike
# Pompeo, College Station, TX, April 15, 2019" (a dash, a personal name, then where and when).
_QUOTE_SIGNATURE = re.compile(
    r"^[—–]\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})(?:\s*,\s*[^\n]{1,80})?\s*$"
)


def quote_signature_author(line: str) -> str:
    """The person a quotation's signature line names ("— Mike Pompeo, College Station, TX");
    "" when ``line`` is none (the name must begin with a given name)."""
    m = _QUOTE_SIGNATURE.match(line.strip())
    name = m.group("name") if m else ""
    return name if name and name.split()[0].lower() in first_name_genders() else ""


def signature_author(line: str) -> str:
    """The author a post's signature line names, without letters after the name ("Jane Moss
    MP": Jane Moss); "" when ``line`` is no signature."""
    m = _SIGNATURE.match(line.strip())
    words = m.group("name").split() if m else []
    while len(words) > 1 and words[-1].strip(",") in POSTNOMINALS:
        words.pop()
    return " ".join(words).strip(",")


def post_authors(
    signatures: list[tuple[int, int, bool, str]], units: list[tuple[int, int]]
) -> dict[int, str]:
    """Which units (index -> author) an embedded post's signature attributes.

    ``signatures``: (offset, paragraph, alone in its paragraph, author) of each signature line;
    ``units``: (offset, paragraph) of each sentence, in text order.
    """
    authors: dict[int, str] = {}
    for at, paragraph, alone, author in signatures:
        post = paragraph - 1 if alone else paragraph
        for index, (start, unit_paragraph) in enumerate(units):
            if unit_paragraph == post and start < at:
                authors[index] = author
    return authors
