"""Headings inside an article: a subheading over a section ("A city upended", "1. Income tax
thresholds stay frozen"), told from body lines by their shape. Split from
claims.extraction.boilerplate, which decides, once it has read every line, which candidates
head a paragraph of the body."""

from __future__ import annotations

import re

from claims.extraction.widgets import DIGIT

# A subheading ends without punctuation; body lines end with it (or continue on the next line).
SENTENCE_END = tuple('.!?:;,…"”’»)')
_LIST_MARKER = re.compile(r"^(?:[-–—•*·▪►]|\d+[.)])\s")
NUMBERED_HEADING = re.compile(r"\d{1,2}[.)]\s+")
_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*([^\n]+)")
# A kept line of this many words is article text (a body paragraph or its first wrapped line),
# not a headline, label or subheading. document.py reads datelines only above the body.
BODY_MIN_WORDS = 8
_SUBHEADING_MAX_WORDS = 12
_WORD_RE = re.compile(r"[\w'’-]+")


def word_count(s: str) -> int:
    """Words in ``s``, hyphenated and apostrophised words as one ("mother-of-three", "don't")."""
    return len(_WORD_RE.findall(s))


def is_subheading(line: str) -> bool:
    """Whether ``line``, alone in its paragraph after the article's body has begun, is a
    subheading ("A city upended", "DISAPPOINTING NIGHT FOR 'IRISHMAN'") or an unlabelled link to
    another story: short, capitalised, no closing punctuation, no figures.

    A line with a digit is kept: a fact-box line ("33% of those hospitalised ...") is a figure
    an editor checks, and a subheading with a figure repeats one the body gives anyway.
    """
    numbered = NUMBERED_HEADING.match(line)
    if numbered:  # "1. Income tax thresholds stay frozen": a listicle's numbered section
        line = line[numbered.end() :]
    if len(line) > 120 or not line[:1].isupper() or DIGIT.search(line):
        return False
    shouting = line.upper() == line
    if line.endswith(SENTENCE_END) and not (shouting and line[-1] in "’'\"”"):
        return False
    if _LIST_MARKER.match(line):
        return False
    return word_count(line) <= _SUBHEADING_MAX_WORDS


def heads_its_paragraph(text: str, line: str, end: int) -> bool:
    """Whether the line after ``line`` (which ends at ``end``), in the same paragraph, is a body
    paragraph that ``line`` heads: a new sentence of at least BODY_MIN_WORDS words, ending as a
    sentence does, far longer than ``line`` (a hard-wrapped paragraph's lines are alike)."""
    m = _NEXT_LINE.match(text, end)
    if m is None:
        return False
    following = m.group(1).strip()
    return (
        following[:1].isupper()
        and following.endswith(SENTENCE_END)
        and word_count(following) >= BODY_MIN_WORDS
        and len(line) < 0.6 * len(following)
    )
