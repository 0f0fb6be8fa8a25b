"""Speakers a page's form gives its units, once the pipeline has read them one by one: in a
piece written in the first person, its author (claims.extraction.first_person); in an
embedded post or under an epigraph, the author its signature names (claims.extraction.embeds).
"""

from __future__ import annotations

from claims.extraction.boilerplate import LineVerdict
from claims.extraction.embeds import (
    EMBEDDED_POST,
    QUOTE_SIGNATURE,
    post_authors,
    quote_signature_author,
    signature_author,
)
from claims.extraction.first_person import (
    ABOUT_THE_AUTHOR,
    first_person_author,
    introduces_the_author,
    speaks_in_first_person,
)


def in_first_person(
    author: str, pending: list[tuple[int, int, str, str]], dropped: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, str]]:
    """In a piece written in the first person (claims.extraction.first_person), each sentence
    that says "I" or "we" and names no speaker is its author's, and its closing line about the
    author is dropped (added to ``dropped``)."""
    writer = first_person_author(author, [sentence for *_, sentence in pending])
    if not writer:
        return pending
    if pending and introduces_the_author(pending[-1][3], writer):
        dropped.append((pending[-1][0], pending[-1][1], ABOUT_THE_AUTHOR))
        pending = pending[:-1]
    return [
        (start, end, speaker or (writer if speaks_in_first_person(sentence) else ""), sentence)
        for start, end, speaker, sentence in pending
    ]


def with_post_authors(
    text: str,
    verdicts: tuple[LineVerdict, ...],
    pending: list[tuple[int, int, str, str]],
    paragraphs: list[int],
    signed: list[tuple[int, int, bool, str]],
) -> list[tuple[int, int, str, str]]:
    """``pending`` with an embedded post's sentences given to the author its signature names
    (claims.extraction.embeds), where they name no speaker of their own. ``signed``: the
    signatures found as sentences, after the post's text on its line."""
    signatures = [
        (v.start, v.paragraph, i == 0 or verdicts[i - 1].paragraph != v.paragraph, author)
        for i, v in enumerate(verdicts)
        if (v.reason == EMBEDDED_POST and (author := signature_author(text[v.start : v.end])))
        or (
            v.reason == QUOTE_SIGNATURE
            and (author := quote_signature_author(text[v.start : v.end]))
        )
    ]
    signatures.extend(signed)
    if not signatures:
        return pending
    quoted = {v.start for v in verdicts if v.reason == QUOTE_SIGNATURE}
    units = [(start, paragraph) for (start, *_), paragraph in zip(pending, paragraphs, strict=True)]
    authors = post_authors(signatures, units)
    for at, _, _, author in signatures:
        if at in quoted:  # an epigraph's signature: only for the quotations above it
            for index, (start, _, _, sentence) in enumerate(pending):
                if authors.get(index) == author and start < at and sentence[:1] not in "“\"'‘":
                    del authors[index]
    return [
        (start, end, speaker or authors.get(index, ""), sentence)
        for index, (start, end, speaker, sentence) in enumerate(pending)
    ]
