"""Recognising the parts of a page that are not the article: menus, share prompts, bylines ...

Works line by line on the stored text. A line is either kept, dropped whole (with a reason), or
has a boilerplate prefix cut off ("Also on rt.com " before a promoted headline, "BRUSSELS
(Reuters) - " before the first paragraph) and the rest kept. Dropped whole, besides menus and
prompts: helplines, "Source:" lines under charts, further-reading links ("Read more: ...") and
subheadings (short unpunctuated lines heading a section of the body, decided after the scan).
Lines that carry document facts (datelines, bylines, copyright notices, promo domains) report
them, so that ``read_text`` can fill the metadata from the same rules that drop those lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from claims.extraction.bylines import (
    name_above_role,
    reporters_role,
)
from claims.extraction.dates import parse_dateline
from claims.extraction.headings import (
    BODY_MIN_WORDS,
    NUMBERED_HEADING,
    SENTENCE_END,
    heads_its_paragraph,
    is_subheading,
    word_count,
)
from claims.extraction.line_reasons import (
    NO_FACTS,
    Facts,
    boilerplate_prefix,
    whole_line_reason,
)
from claims.extraction.pasted_documents import (
    EMAIL_HEADER,
    EMAIL_SUBJECT,
    EMAIL_SUBJECT_LABEL,
    PAGE_MARK,
    SIGNATURE,
    is_sign_off,
    signature,
)
from claims.extraction.press_releases import (
    ABOUT_SECTION,
    NOTES_SECTION,
    about_heading_ends,
    closes_the_text,
)
from claims.extraction.pull_quotes import PULL_QUOTE, pull_quote_lines
from claims.extraction.sentences import without_reference_marks
from claims.extraction.tables import TABLE_ROW, table_lines
from claims.extraction.teaser_lists import RELATED_LIST, teaser_list_lines
from claims.extraction.widgets import (
    COMMENT_COUNT,
    LABEL_TRIM,
    PAGE_KIND_LABEL,
)


@dataclass(frozen=True)
class LineVerdict:
    start: int  # trimmed span of the line in the document text
    end: int
    paragraph: int  # index of the blank-line separated block the line is in
    keep_start: int  # where the candidate text starts; == end when the line is dropped whole
    reason: str  # why the line (or its prefix) is boilerplate; "" for a clean line
    published_at: datetime | None = None
    author: str = ""
    publisher: str = ""
    # What the kept text is when it is not the article's own prose: RELATED_HEADLINE for the
    # headline after an "Also on <outlet>" label, else "".
    context: str = ""

    @property
    def dropped(self) -> bool:
        return self.keep_start >= self.end

    @property
    def has_prefix(self) -> bool:
        return self.start < self.keep_start < self.end


_LINE_RE = re.compile(r"[^\n]+")


# The kept text after an "Also on <outlet>" label: another story's headline, which the page
# shows its readers but the article's body does not state. Carried on LineVerdict.context so
# that a claim taken from it can say so.
RELATED_HEADLINE = "related-article headline"
ABOUT_SENDER = "about the sender"
NOTES_TO_EDITORS = "notes to editors"
REFERENCE_LIST = "reference list"
# A place and a date, and nothing else: "Brussels, 14 November 2024", "Geneva, 3 March 2025".
_PLACED_DATE = re.compile(r"[A-Z][a-zé'-]+(?:\s[A-Z][a-zé'-]+){0,2},\s+(?P<date>.{6,30})")
# The heading of a blog's comments, the rest of the page being readers' comments and the
# reply form: "12 thoughts on “Why I quit ...”", "3 Responses to ...", "Leave a Reply".
COMMENTS_SECTION = re.compile(
    r"\d+\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+\S.{0,200}"
    r"|leave\s+a\s+(?:reply|comment)\b.{0,40}",
    re.IGNORECASE,
)
COMMENTS = "comments section"
# The heading of an encyclopaedia's or a paper's closing lists, standing alone.
REFERENCES_SECTION = re.compile(
    r"(?:references|bibliography|citations|footnotes|external\s+links|further\s+reading)\s*:?",
    re.IGNORECASE,
)


def _normalise(s: str) -> str:
    return " ".join(s.casefold().split()).rstrip(".!?:;,")


_THREAD_NUMBER = re.compile(r"\d{1,2}/[ \t]+(?=[A-Z\"“‘'(])")
# Blank line or end of text after a line: the line is the last of its paragraph.
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*\Z)")


# A caption's label on a line of its own, the caption on the next ("Image caption,").
_CAPTION_LABEL = re.compile(r"(?:image|photo|picture|video)\s+caption\s*[,:]?\s*$", re.IGNORECASE)


def _heads_a_paragraph(text: str, verdicts: list[LineVerdict], index: int) -> bool:
    """Whether the next kept line after ``verdicts[index]`` (past a byline or a photo credit)
    is a body paragraph: a subheading heads a section of text, and "A second paragraph without
    a full stop" before a two-word line is just a paragraph."""
    for verdict in verdicts[index + 1 : index + 6]:
        if not verdict.dropped:
            return len(text[verdict.keep_start : verdict.end].split()) >= BODY_MIN_WORDS
    return False


def line_context(text: str, offset: int) -> str:
    """The context (LineVerdict.context) of the line of ``text`` that holds ``offset``: for a
    sentence taken from an "Also on <outlet>" teaser, RELATED_HEADLINE; else "". For the
    pipeline to mark such a claim; the scan is cached, so this costs a bisection."""
    verdicts = scan_lines(text)
    index = bisect_right(_line_starts(text), offset) - 1
    if index < 0 or offset >= verdicts[index].end:
        return ""
    return verdicts[index].context


@lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    return tuple(v.start for v in scan_lines(text))


# read_text and extract both scan the same text; the cache makes the second scan free.
@lru_cache(maxsize=8)
def scan_lines(text: str) -> tuple[LineVerdict, ...]:
    """A verdict for every non-blank line of ``text``, in order."""
    verdicts: list[LineVerdict] = []
    seen: set[str] = set()
    paragraph = 0
    last_end = 0
    # Subheadings are only recognised once a body line has been kept: before it, a short
    # unpunctuated line is the headline or the standfirst.
    body_started = False
    subheadings: list[int] = []  # indexes of candidate lines, decided once all are scanned
    # after "About Acme Robotics" (or "Notes to editors"): the sender's description, to the end
    closing = ""
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        if "\n\n" in text[last_end : m.start()] or text[last_end : m.start()].count("\n") > 1:
            paragraph += 1
        last_end = m.end()
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        thread = _THREAD_NUMBER.match(stripped)
        if thread and thread.end() < len(stripped):
            # "1/ The government says ...": a post's number in a thread, no part of its text
            start += thread.end()
            stripped = stripped[thread.end() :]

        reason, facts = whole_line_reason(stripped)
        previous = verdicts[-1] if verdicts else None
        if closing and not reason:
            reason = closing  # "Acme Robotics builds warehouse robots. Founded in ..."
        elif not closing and body_started and NOTES_SECTION.match(stripped):
            reason = closing = NOTES_TO_EDITORS  # "ENDS", "Notes to editors": all after
        elif (
            not closing
            and body_started
            and REFERENCES_SECTION.fullmatch(stripped)
            and m.start() >= 0.6 * len(text)  # a closing list, not a section about citations
        ):
            reason = closing = REFERENCE_LIST  # "References", "External links": all after
        elif (
            not closing
            and body_started
            and (
                (COMMENTS_SECTION.fullmatch(stripped) and m.start() >= 0.5 * len(text))
                # "Comments", "12 comments" alone: the heading only near the end (a share
                # bar's count higher up is no heading)
                or (COMMENT_COUNT.match(stripped) and m.start() >= 0.8 * len(text))
            )
        ):
            reason = closing = COMMENTS  # readers' comments and the reply form: all after
        elif not closing and body_started and is_sign_off(stripped, m.start(), len(text)):
            reason = closing = "sign-off"  # "Kind regards," and who signed it
        elif not reason and not body_started and (placed := _PLACED_DATE.fullmatch(stripped)):
            # "Brussels, 14 November 2024" on a line of its own above a release's text
            is_dateline, when = parse_dateline(placed.group("date"))
            if is_dateline and when is not None:
                reason, facts = "dateline", Facts(published_at=when)
        elif not reason and not body_started and EMAIL_HEADER.match(stripped):
            reason = "e-mail header"  # "From: Press Office <press@...>", "Sent: 4 March"
        elif not reason and PAGE_MARK.fullmatch(stripped):
            reason = "page header or footer"  # "Annual Report 2024      Page 3"
        elif (
            not reason
            and body_started
            and ABOUT_SECTION.match(stripped)
            and closes_the_text(stripped, m.start(), len(text))
            and (previous is None or previous.paragraph != paragraph)
            and about_heading_ends(stripped, text, m.end())
        ):
            reason = closing = ABOUT_SENDER
        if (
            not reason
            and previous is not None
            and previous.dropped
            and _CAPTION_LABEL.match(text, previous.start, previous.end)
        ):
            # "Image caption,\nRyanair boss Michael O'Leary said ...": a pasted BBC caption
            reason, facts = "photo caption", NO_FACTS
        if (
            not reason
            and previous is not None
            and previous.paragraph == paragraph
            and previous.dropped
            and stripped[0].islower()
        ):
            # The wrapped tail of a dropped line ("... top stories in your\ninbox.").
            reason, facts = previous.reason, NO_FACTS
        author = (
            ""
            if reason or body_started or previous is None or previous.dropped
            else (name_above_role(stripped, text[previous.start : previous.end]))
        )
        if author:  # "Nick Triggle\nHealth correspondent": a byline on two lines
            verdicts[-1] = replace(
                previous, keep_start=previous.end, reason="byline", author=author
            )
            reason, facts = "byline", NO_FACTS
        elif (
            not reason
            and previous is not None
            and previous.reason == "byline"
            and reporters_role(stripped)  # "By Esme Stallard\nClimate reporter, BBC News"
        ):
            reason, facts = "byline", NO_FACTS
        keep_start = end if reason else start
        context = ""
        subject = EMAIL_SUBJECT.match(stripped) if not body_started else None
        if not reason and subject and subject.end() < len(stripped):
            keep_start, reason = start + subject.end(), EMAIL_SUBJECT_LABEL  # its subject
        elif not reason and not (previous is None and PAGE_KIND_LABEL.match(stripped)):
            cut, reason, facts = boilerplate_prefix(stripped, top=not body_started)
            if cut:
                # "NEW YORK, March 4, 2024 /PRNewswire/ -- Acme Corp today announced ...": the
                # body starts with the text after a dateline
                rest = stripped[cut:]
                body_started = body_started or (
                    reason == "dateline"
                    and rest.endswith(SENTENCE_END)
                    and word_count(rest) >= BODY_MIN_WORDS
                )
                keep_start = start + cut
                if not text[keep_start:end].strip(LABEL_TRIM):
                    keep_start = end  # a promo label with no headline after it
                elif reason == "promo link label":
                    context = RELATED_HEADLINE
            elif (
                (body_started or NUMBERED_HEADING.match(stripped))
                and (previous is None or previous.paragraph != paragraph)
                and is_subheading(stripped)
                and (
                    _PARAGRAPH_END.match(text, m.end())
                    or heads_its_paragraph(text, stripped, m.end())
                )
            ):
                subheadings.append(len(verdicts))
            elif (
                not body_started
                and without_reference_marks(stripped).endswith(SENTENCE_END)
                and word_count(stripped) >= BODY_MIN_WORDS
            ):
                body_started = True
        if keep_start < end:
            # Only the kept part counts: "Read more: X" and a later plain "X" repeat each other.
            key = _normalise(text[keep_start:end])
            if word_count(key) >= 3:
                if key in seen:
                    keep_start, reason, facts = end, "repeated line", NO_FACTS
                seen.add(key)
        verdicts.append(
            LineVerdict(
                start=start,
                end=end,
                paragraph=paragraph,
                keep_start=keep_start,
                reason=reason,
                published_at=facts.published_at,
                author=facts.author,
                publisher=facts.publisher,
                context=context,
            )
        )
    for index in subheadings:
        if _heads_a_paragraph(text, verdicts, index):
            verdicts[index] = replace(
                verdicts[index], keep_start=verdicts[index].end, reason="subheading"
            )
    for index in pull_quote_lines(text, verdicts):
        verdicts[index] = replace(
            verdicts[index], keep_start=verdicts[index].end, reason=PULL_QUOTE
        )
    for index in teaser_list_lines(text, verdicts):  # "Most read" / "1. Man dies after ..."
        verdicts[index] = replace(
            verdicts[index], keep_start=verdicts[index].end, reason=RELATED_LIST
        )
    for index in table_lines(text, verdicts):  # "London        1,134    +45%"
        verdicts[index] = replace(verdicts[index], keep_start=verdicts[index].end, reason=TABLE_ROW)
    signed, signer = ([], "") if any(v.author for v in verdicts) else signature(text, verdicts)
    for index in signed:  # a letter's "Sarah Whitfield" / "Managing director, Bristol"
        verdicts[index] = replace(
            verdicts[index],
            keep_start=verdicts[index].end,
            reason=SIGNATURE,
            author=signer if index == signed[0] else "",
        )
    return tuple(verdicts)
