"""Posts embedded in an article (a tweet, an Instagram post), as pasted text shows them: the
post's text, then its signature line ("— Eric Adams (@NYCMayor) March 4, 2024", "A post shared
by Jane Doe (@janedoe)").

The signature is page furniture (boilerplate drops it), but it names who wrote the post: the
pipeline gives the post's sentences (those of the signature's paragraph above it, or of the
paragraph right before when the signature stands alone) that name no speaker of their own to
that author. A trailing picture link ("... we're not stopping. pic.twitter.com/abc123") is cut
off the sentence it ends.
"""

from __future__ import annotations

import re

EMBEDDED_POST = "embedded post signature"

_SIGNATURE = re.compile(
    r"^(?:[—–-]{1,2}\s*|a\s+post\s+shared\s+by\s+)"
    r"(?P<name>[^()@\n]{1,80}?)\s*\(@\w{1,30}\)"
    r"(?:\s*(?:on\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\s*\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})?"
    r"\s*$",
    re.IGNORECASE,
)
# A picture or short link a post ends with: "pic.twitter.com/abc123", "https://t.co/abc123".
TRAILING_POST_LINK = re.compile(r"\s+(?:pic\.twitter\.com|https?://t\.co)/\w+\s*$")


def signature_author(line: str) -> str:
    """The author a post's signature line names; "" when ``line`` is no signature."""
    m = _SIGNATURE.match(line.strip())
    return m.group("name").strip() if m else ""


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
