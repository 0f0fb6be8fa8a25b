"""A magazine interview: a standfirst that names one person, then questions, each a paragraph of
its own, and that person's answers ("Dr Leila Amari has spent 15 years mapping the seabed. ...
How much of the ocean floor has been mapped? / About 25% of it, at high resolution."). An answer
names no speaker, for the page says once whose answers they are; every answer sentence that
names nobody else is then the interviewee's.

A page counts as an interview when two paragraphs or more are a question alone, an answer says
"I", "we" or "our" outside a quotation (an explainer's answers, "What is changing? / From 15
December, Northern Rail will run 200 fewer trains", are the outlet's own voice, and stay
nobody's), and the text before the first question says it is one ("Interview:", "We spoke to
her", "Q&A") and names exactly one person (a column's rhetorical questions, "Who pays? / My
neighbours do.", are its author's, never those of the minister it opens with). A transcript with
speakers' labels ("Q:", "JEROME POWELL:") is read by claims.extraction.transcripts instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claims.extraction.first_person import speaks_in_first_person

_Unit = tuple[int, int, str, str]  # (start, end, speaker, sentence)
_QUESTION = re.compile(r"\?[”\"’»)]*\s*$")
_MIN_QUESTIONS = 2
_SAYS_INTERVIEW = re.compile(
    r"\b(?:interview\w*|Q&A|(?:spoke|speaks|talked|talks|sat\s+down)\s+(?:to|with)|asked\s+(?:him|her))\b",
    re.IGNORECASE,
)


def interview_answers(
    pending: Sequence[_Unit], paragraphs: Sequence[int], people: Iterable[str], text: str
) -> list[_Unit]:
    """``pending`` with each answer of an interview (see the module doc) that names no speaker
    given to the interviewee: the one person of ``people`` (the people the extraction found,
    full names) whom the text before the first question names."""
    questions = [
        k
        for k, (_, _, _, sentence) in enumerate(pending)
        if _QUESTION.search(sentence)
        and (k == 0 or paragraphs[k - 1] != paragraphs[k])
        and (k + 1 == len(pending) or paragraphs[k + 1] != paragraphs[k])
    ]
    if len(questions) < _MIN_QUESTIONS:
        return list(pending)
    asked = set(questions)
    answers = [k for k in range(questions[0] + 1, len(pending)) if k not in asked]
    if not any(speaks_in_first_person(pending[k][3]) for k in answers):
        return list(pending)
    intro = text[: pending[questions[0]][0]]
    if not _SAYS_INTERVIEW.search(intro):
        return list(pending)
    named = {p for p in people if " " in p and p in intro}
    if len(named) != 1:
        return list(pending)
    person = named.pop()
    out = list(pending)
    for k in answers:
        start, end, speaker, sentence = out[k]
        if not speaker:
            out[k] = (start, end, person, sentence)
    return out
