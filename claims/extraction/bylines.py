"""Bylines: "By Jane Doe | Reuters", a name and a reporter's role on one line ("Pippa Crerar
Political editor") or two ("Nick Triggle" over "Health correspondent"). Split from
claims.extraction.boilerplate, which drops these lines and keeps the author they name."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from claims.extraction.dates import parse_dateline
from claims.extraction.headings import word_count
from claims.extraction.lexicon import ORG_WORDS, WEEKDAYS, word_set
from claims.extraction.speaker_types import PERSON, speaker_type

# "By Jane Doe", also after a dash ("-- By Jane Doe" under a list-style story).
BYLINE = re.compile(
    r"^(?:[-–—]+\s*)?(?:by|words\s+by|written\s+by|text\s+by|story\s+by)\s+(?P<rest>[A-Z].*)$",
    re.IGNORECASE,
)


# A social handle after a byline's name: "By Jane Doe Follow @janedoe", "Jane Doe @janedoe".
BYLINE_HANDLE = re.compile(r"\s+(?:follow\s+(?:on\s+\w+\s+)?)?@\w+.*$", re.IGNORECASE)


BYLINE_SPLIT = re.compile(r"\s*(?:,|\||;|[•·]|\s[-–—]\s|\s(?:for|FOR)\s)\s*")


BYLINE_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*|[A-Z]\.|and|&|de|van|von|der|da|del|al|bin)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|and|&|de|van|von|der|da|del|al|bin))*"
)


BYLINE_LOCATION = re.compile(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$")


ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|journalist|columnist|contributor|staff"
    r"|analyst|producer|bureau\s+chief|desk|intern)\b",
    re.IGNORECASE,
)


NOT_BYLINE_NAMES = WEEKDAYS | word_set("the this")


def looks_like_outlet(s: str) -> bool:
    """Whether a byline tail such as "Reuters" or "The Guardian" names a publisher."""
    words = s.split()
    if not words or len(words) > 5 or ROLE_WORDS.search(s):
        return False
    if not all(w[0].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words):
        return False
    return any(w.lower().strip(".") in ORG_WORDS for w in words) or (
        len(words) == 1 and words[0].isupper() and len(words[0]) >= 2
    )


_CLOCK_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)  # "| March 4, 2024 at 9:00 a.m."


# A blog's post line: "Posted on March 3, 2023 by Tom", "Posted by Tom on March 3, 2023".
_POSTED = re.compile(
    r"^(?:posted|published|written)\s+(?:"
    r"(?:on\s+)?(?P<date>[\w ,.:/-]{6,40}?)\s+by\s+(?P<name>[A-Z][\w .'’-]*)"
    r"|by\s+(?P<name2>[A-Z][\w .'’-]*?)\s+on\s+(?P<date2>[\w ,.:/-]{6,40}))$",
    re.IGNORECASE,
)


_COMMENT_COUNT_AFTER = re.compile(
    r"\s*[|•·]\s*(?:\d+|no)\s+(?:comments?|responses?|replies)\s*$", re.IGNORECASE
)


def _posted(s: str) -> tuple[str, str, datetime | None] | None:
    """(author, "", published_at) when ``s`` is a blog's post line naming a date and a name."""
    # "Posted on May 14, 2022 by Jane Carter | 12 Comments": the comment count after it
    s = _COMMENT_COUNT_AFTER.sub("", s)
    m = _POSTED.match(s.strip())
    if not m or word_count(s) > 16:
        return None
    name = (m.group("name") or m.group("name2")).strip()
    is_dateline, when = parse_dateline(m.group("date") or m.group("date2"))
    if not is_dateline or not BYLINE_NAME.fullmatch(name):
        return None
    return name, "", when


_BIO_BYLINE = re.compile(
    r"By\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}"
    r"(?:writer|reporter|editor|correspondent|journalist|columnist|producer|contributor)\s+"
    r"(?:who|based|covering|at|for|with)\b"
)


def byline_of(s: str) -> tuple[str, str, datetime | None] | None:
    """(author, publisher, published_at) when ``s`` is a byline line."""
    posted = _posted(s)
    if posted:
        return posted
    s = BYLINE_HANDLE.sub("", s)
    bio = _BIO_BYLINE.match(s)
    if bio and word_count(s) <= 40:
        # "By Emma Roth, a news writer who covers the streaming wars, consumer tech ...": the
        # byline and the author's short bio in one line
        return bio.group("name"), "", None
    m = BYLINE.match(s)
    if not m or word_count(s) > 16 or (s.endswith(".") and not _CLOCK_END.search(s)):
        return None
    parts = BYLINE_SPLIT.split(m.group("rest"), maxsplit=1)
    name = BYLINE_LOCATION.sub("", parts[0]).strip()
    name_match = BYLINE_NAME.fullmatch(name)
    if not name_match or name.split()[0].lower() in NOT_BYLINE_NAMES:
        return None
    if _DESK.fullmatch(name):
        name = ""  # "By Staff Reporter", "By Our Correspondent": a byline that names nobody
    elif name.isupper() and len(name) > 3:
        name = name.title()  # "By JANE DOE FOR MAILONLINE": the name as names are written
    publisher = ""
    published_at = None
    if len(parts) > 1:
        tail = parts[1].strip()
        is_dateline, when = parse_dateline(tail)
        if is_dateline:
            published_at = when
        else:
            # "By Ann Lee • Thursday 7 December 2023 • 3 min read": the date is one of the parts
            for piece in BYLINE_SPLIT.split(tail):
                piece = piece.strip()
                dated, when = parse_dateline(piece) if published_at is None else (False, None)
                if dated:
                    published_at = when
                elif not publisher and looks_like_outlet(piece):
                    publisher = piece
    return name, publisher, published_at


# A wire story's closing credits: "(Reporting by Shivam Patel in New Delhi; Editing by Kim
# Coghill)". The reporters are the story's authors; the editors and "additional reporting" are not.
_REPORTING_BY = re.compile(r"^\(?\s*reporting\s+by\s+(?P<names>[^;)]+)", re.IGNORECASE)


def credited_reporters(s: str) -> str:
    """The reporters a credits line names ("Shivam Patel", "Jane Doe and John Roe"), or ""."""
    m = _REPORTING_BY.match(s)
    if m is None:
        return ""
    names = BYLINE_LOCATION.sub("", m.group("names").strip().rstrip(".")).strip()
    names = re.sub(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+and\s)", "", names)
    if ROLE_WORDS.search(names) or not names[:1].isupper():
        return ""  # "Reporting by Reuters Staff": nobody named
    return names if BYLINE_NAME.fullmatch(names) else ""


# A byline without "By": a given name and a surname, then a reporter's role ("Pippa Crerar
# Political editor", "Jessica Elgot Deputy political editor").
_REPORTER_ROLES = "editor|correspondent|reporter|writer|columnist"
# A byline that names a desk, not a person: "By Staff Reporter", "By Our Correspondent", "By
# Web Desk", "By Agencies".
_DESK = re.compile(
    rf"(?:(?:our|staff|special|agency|a)\s+)?(?:staff|{_REPORTER_ROLES}|desk|agencies"
    rf"|news\s+desk|web\s+desk)(?:\s+(?:{_REPORTER_ROLES}))?",
    re.IGNORECASE,
)
# (a comma may stand after the name: "Ed Conway, economics and data editor", "Sarah Jones, Local
# Democracy Reporter")
_NAME_AND_ROLE = re.compile(
    r"(?P<name>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+),?\s+(?:[A-Za-z-]+\s+){0,3}?"
    rf"(?i:{_REPORTER_ROLES})$"
)


# A reporter's role on a line of its own, under the name ("Nick Triggle\nHealth correspondent").
_ROLE_ONLY = re.compile(rf"(?:[A-Za-z-]+\s+){{0,3}}(?:{_REPORTER_ROLES}|journalist)", re.IGNORECASE)


def name_above_role(line: str, previous: str) -> str:
    """The author when ``line`` is a reporter's role alone and the line above it a person's name
    alone ("Nick Triggle" over "Health correspondent"), "" otherwise."""
    name = previous.strip()
    if not _ROLE_ONLY.fullmatch(line) or not 2 <= word_count(name) <= 3:
        return ""
    if not BYLINE_NAME.fullmatch(name) or speaker_type(name) != PERSON:
        return ""
    return name


# A reporter's role under a byline, with the outlet after it: "Climate and science reporter, BBC
# News".
_ROLE_AND_OUTLET = re.compile(
    rf"(?:[A-Za-z-]+\s+){{0,4}}(?:{_REPORTER_ROLES}|journalist)"
    r"(?:\s*[,|@]\s*[A-Z][\w .&'’-]{1,40})?",
    re.IGNORECASE,
)


def reporters_role(line: str) -> bool:
    """Whether ``line`` is a reporter's role alone, perhaps with the outlet ("Health
    correspondent", "Climate and science reporter, BBC News")."""
    return bool(_ROLE_AND_OUTLET.fullmatch(line.strip()))


def name_and_role(s: str) -> str:
    """The author a line "Given Surname Role" names, "" for any other line."""
    m = _NAME_AND_ROLE.fullmatch(s.strip())
    if m is None or speaker_type(m.group("name")) != PERSON:
        return ""  # "Financial Times reporter": an outlet's
    return m.group("name")


# Elements a page shows its byline in when the HTML reader leaves it out of the text: "Posted on
# May 14, 2022 by Jane Carter | 12 Comments" in a WordPress theme's post meta.
_BYLINE_ELEMENTS = (
    '//*[contains(@class, "byline") or contains(@class, "post-meta") '
    'or contains(@class, "entry-meta") or contains(@class, "posted-on")]'
)


_IN_COMMENTS = re.compile(r"comment|reply|respond|discussion", re.IGNORECASE)


def _marks(element: Any) -> list[str]:
    """The class and id of ``element`` and of every element around it."""
    return [
        f"{node.get('class') or ''} {node.get('id') or ''}"
        for node in (element, *element.iterancestors())
    ]


def markup_bylines(tree: Any) -> list[tuple[str, str, datetime | None]]:
    """What the page's first byline elements say, read as bylines (author, publisher, date),
    for the author and the date the HTML reader left out of the text."""
    if tree is None:
        return []
    found = []
    for element in tree.xpath(_BYLINE_ELEMENTS)[:5]:
        if _IN_COMMENTS.search(" ".join(_marks(element))):
            continue  # "Posted on May 15, 2022 by Mark": a reader's comment, not the post
        text = " ".join(element.text_content().split())
        byline = byline_of(text) if 0 < len(text) <= 200 else None
        if byline:
            found.append(byline)
    return found


def markup_author(tree: Any) -> str:
    """The author a byline element of the page names, "" when none does."""
    return next((author for author, _, _ in markup_bylines(tree) if author), "")
