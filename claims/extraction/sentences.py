"""Splitting a block of text into sentence spans with exact offsets.

The splitter never copies or rewrites text: it returns ``(start, end)`` pairs into the
document text, trimmed of whitespace, so ``text[start:end]`` is always the sentence.

A span is a *claim unit* rather than a grammatical sentence where quotations are concerned:
it never ends inside a quotation, so a quotation of several sentences is one span, and a short
attribution after a closing quote stays with it (`“... It was a big stretch.” Pitt said.`). A
quotation left open (news style: a quote running on into the next paragraph opens each
paragraph and closes only in the last one) runs to the end of the block; blocks never cross a
paragraph, so that is as far as one can run.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    QUOTE_VERBS,
    SENTENCE_STARTERS,
    SMALL_LETTER_NAME,
    word_set,
)

# Terminal punctuation, then any closing quotes or brackets, then whitespace. Closing quotes
# belong to the sentence they close: `"...," he said.` ends after the period, `...power?”`
# ends after the quote.
_REFERENCE_MARK = r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,2})\]"
_TERMINAL = re.compile(
    r"(?P<close>(?:\.{2,}|…|[.!?])+[\"'”’»)\]]*)"
    # a reference's marks after it, as an encyclopaedia writes them: ".[1][2] The islands"
    # (no part of the sentence: its span ends before them)
    rf"(?:{_REFERENCE_MARK})*(?=\s)"
)
_TRAILING_MARKS = re.compile(rf"(?<=[.!?\"'”’»)])(?:{_REFERENCE_MARK})+\s*$")

# Abbreviations after which a period never ends a sentence: they are always followed by more of
# the same sentence ("Dr. Smith", "e.g. fish").
_NEVER_BREAK = word_set("""
    mr mrs ms dr prof sen rep gov gen col lt capt sgt cpl maj adm brig cmdr insp supt rev hon
    pres fr mt ft e.g i.e cf vs viz approx ca al fig figs ph.d
    """)
# Abbreviations that can end a sentence too ("... in the U.S. The president ..."): the period
# is a boundary only when a typical sentence opener follows, or for "No."/"Jan." a non-number.
_AMBIGUOUS = word_set("""
    u.s u.k u.n e.u u.s.a etc inc ltd co corp jr sr bros a.m p.m st no nos jan feb mar apr
    jun jul aug sep sept oct nov dec op vol pp p
    """)
_BEFORE_NUMBER = word_set("no nos jan feb mar apr jun jul aug sep sept oct nov dec op vol pp p st")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)\.+$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w'’]+)")


def _is_boundary(text: str, punct_start: int, punct_end: int, next_start: int) -> bool:
    """Whether the punctuation at ``text[punct_start:punct_end]`` ends a sentence."""
    following = text[next_start]
    # "easyJet said", "iPhone sales fell" open a sentence in small letters
    if (following.islower() and not SMALL_LETTER_NAME.match(text, next_start)) or (
        following in ",;:)]}"
    ):
        return False  # '"Is it?" she asked' and "3 p.m. on Monday" go on
    punct = text[punct_start:punct_end].rstrip("\"'”’»)]")
    if not punct.endswith(".") or punct.endswith("..") or punct.endswith("…"):
        return True  # "!", "?" and an ellipsis before a capital end the sentence
    word_match = _WORD_BEFORE_DOT.search(text[max(0, punct_start - 20) : punct_start + 1])
    if not word_match:
        return True  # "3.5." or "...2021." end normally
    word = word_match.group(1)
    # The word must start at a token boundary: "U.S." but not the "S" of "BUS.", nor the "E"
    # of "A&E." or the "S" of "M&S." (a name's last letter, no initial).
    word_start = punct_start + 1 - len(word_match.group(0))
    if word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "&"):
        return True
    key = word.lower().rstrip(".")
    if key in _NEVER_BREAK:
        return False
    next_word_match = _NEXT_WORD.match(text, next_start)
    next_word = next_word_match.group(1) if next_word_match else ""
    if len(word) == 1 and word.isupper():
        # an initial: "J. R. R. Tolkien", "George W. Bush"; a name's letter before a word that
        # opens sentences ends one: "... Model 3 and Model Y. The carmaker said"
        return len(next_word) > 1 and next_word.lower() in SENTENCE_STARTERS
    if key in _AMBIGUOUS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", key):
        if key in _BEFORE_NUMBER and next_word[:1].isdigit():
            return False
        return next_word.lower() in SENTENCE_STARTERS
    return True


_OPENING_QUOTES = "“«„"
_CLOSING_QUOTES = "”»"
_QUOTE_CHARS = re.compile(r"[“”«»„\"'‘’]")
_SINGLE = "'‘’"
# What may stand before a straight quote that opens a quotation: '(' in '("...")', a dash.
_BEFORE_OPENING = " \t\n([{—–-/:"
# A short attribution after a closing quote: `"... stretch." Pitt said.`, `"..." said Ann.`.
_TAIL_VERBS = ATTRIBUTION_VERBS | QUOTE_VERBS
_TAIL = re.compile(r"[^.!?\"“”]{1,80}?[.!?]")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the quotations in ``text[start:end]``.

    ``open`` is the offset of the opening mark, ``close`` the offset just after the closing
    one, or ``end`` when the quotation is still open there. Curly quotes say which way they
    face; a straight quote opens after a space or a bracket and closes otherwise, so an inch
    mark in `5'10"` does not open a quotation. A single quote opens one only before a capital,
    after a space or a bracket, and closes it only right after a comma or a full stop, before a
    space ("'We have no choice. Our budget has been cut,' she said."): a quote mark that is
    not (an apostrophe: "don't", "students' union", "the '90s") changes nothing, and a single
    quotation left open counts for nothing either.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    opened = -1
    single = -1  # an open single quotation, outside any double one
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch in _SINGLE:
            if opened >= 0:
                continue  # "He said 'no'": a quotation inside a quotation changes nothing
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if single < 0:
                if ch != "’" and before in _BEFORE_OPENING and after.isupper():
                    single = i  # "'We have no choice." as British papers quote
            elif ch != "‘" and before in ",.!?" and (after.isspace() or after in ")]"):
                spans.append((single, i + 1))  # "... since 2020,' she said."
                single = -1
            continue
        if ch == '"':
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if opened < 0:
                if before in _BEFORE_OPENING and not after.isspace():
                    opened = i
            elif not before.isspace() or after.isspace() or after in ",.;:!?)":
                spans.append((opened, i + 1))
                opened = -1
        elif ch in _OPENING_QUOTES:
            if opened < 0:
                opened = i  # a second opening mark inside a quotation changes nothing
        elif opened >= 0:
            spans.append((opened, i + 1))
            opened = -1
    if opened >= 0:
        spans.append((opened, end))
    return spans


def _attribution_tail(text: str, punct_end: int, next_start: int, end: int) -> bool:
    """Whether a quotation that closes at ``punct_end`` is followed by a short attribution
    clause (`Meghan added.`, `said Lukas Stefanko, a researcher.`) that belongs with it."""
    if text[punct_end - 1] not in _CLOSING_QUOTES + "\"'’":
        return False
    m = _TAIL.match(text, next_start, end)
    if not m:
        return False
    words = m.group().split()
    if len(words) > 9:
        return False
    return any(w.strip(",.;:!?").lower() in _TAIL_VERBS for w in words[:5])


def _introduced(text: str, sentence_start: int, opened: int) -> bool:
    """Whether the quotation opening at ``opened`` (-1: none closes here) is introduced by its
    attribution (`Laura Hill said: "..."`, `he said "..."`), so that what follows its close is a
    sentence of its own (`She urged anyone ...`), not an attribution tail."""
    if opened < 0:
        return False
    before = text[sentence_start:opened].rstrip()
    if before.endswith(":"):
        return True
    # `"...," said Louise Haigh, "and I urge both sides to talk." She said ...`: the sentence
    # has its attribution already, so no second one follows the quotation's close
    return any(w.strip(",;").lower() in _TAIL_VERBS for w in before.split())


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, a block that no sentence crosses the edge of.

    Newlines inside the block are treated as spaces; the caller decides which lines belong
    together (a paragraph break or a headline line always ends a block). A span never ends
    inside a quotation (see the module doc).
    """
    spans: list[tuple[int, int]] = []
    sentence_start = start
    quotes = quote_spans(text, start, end)
    q = 0  # the first quotation that may still contain a later terminal (both in text order)
    for m in _TERMINAL.finditer(text, start, end):
        next_start = m.end()
        while next_start < end and text[next_start].isspace():
            next_start += 1
        if next_start >= end:
            break
        if quotes:
            while q < len(quotes) and quotes[q][1] <= m.end():
                q += 1
            inside = q < len(quotes) and quotes[q][0] < m.end()
            opened = quotes[q - 1][0] if q and quotes[q - 1][1] == m.end() else -1
            tail = not _introduced(text, sentence_start, opened) and _attribution_tail(
                text, m.end(), next_start, end
            )
            if inside or tail:
                continue
        if _is_boundary(text, m.start(), m.end("close"), next_start):
            spans.append((sentence_start, m.end("close")))
            sentence_start = next_start
    spans.append((sentence_start, end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span[0] < span[1]]


def without_reference_marks(line: str) -> str:
    """``line`` without the reference marks that close it ("... Kamchatka.[2][3]")."""
    marks = _TRAILING_MARKS.search(line) if line.endswith("]") else None
    return line[: marks.start()] if marks else line


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == "]":
        marks = _TRAILING_MARKS.search(text, start, end)  # "... to Kamchatka.[2][3]"
        if marks:
            end = marks.start()
    return start, end
