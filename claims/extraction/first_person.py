"""A piece written in the first person: an opinion column, a first-hand account, a letter.

Its "I" is whoever wrote it, and the text says who only in its byline ("By Jane Holloway",
kept as the document's author). A sentence that says "I", "my", "we" or "our" outside any
quotation, and names no speaker of its own, is then the author's ("Not one of our 30 staff
has left."). A piece counts as written in the first person when two sentences or more say
"I", "me" or "my" outside quotations, or one does and the piece closes by introducing its
author; a report whose reporter writes "I asked him" once stays a report. The closing line
that introduces the author ("Jane Holloway is the founder of Brightside Marketing.") describes
who wrote it, and is no claim of the piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extraction.quotations import mask_quotes

ABOUT_THE_AUTHOR = "author bio"  # as boilerplate names a reporter's biography

_SINGULAR = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b")
_ANY = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Uu]s)\b")
_MIN_SENTENCES = 2


def first_person_author(author: str, sentences: Sequence[str]) -> str:
    """``author`` when the piece is written in the first person (see the module doc), else
    ""."""
    author = author.strip()
    if " " not in author or "," in author or " and " in author or "&" in author:
        return ""  # no byline, a handle or a one-word name, or several authors: whose "I"?
    first = sum(1 for s in sentences if _SINGULAR.search(mask_quotes(s, False)))
    if first >= _MIN_SENTENCES:
        return author
    # One sentence says "I", and the piece closes by introducing its author ("Claire Dunn is a
    # transport consultant."): a column, whose "I" is its author's.
    bio = any(introduces_the_author(s, author) for s in sentences[-3:])
    return author if first and bio else ""


def speaks_in_first_person(sentence: str) -> bool:
    return bool(_ANY.search(mask_quotes(sentence, False)))


def introduces_the_author(sentence: str, author: str) -> bool:
    """Whether ``sentence`` is the line that says who the author is ("Jane Holloway is the
    founder of Brightside Marketing.", "Jane Holloway is a writer based in Leeds.")."""
    return bool(author) and sentence.startswith(f"{author} is ")
