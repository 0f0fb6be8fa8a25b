"""Lines and sentences that ask the reader for something or credit someone: share and follow
prompts, call-outs for readers' stories, cookie banners, newsletter and subscription prompts,
republishing terms, affiliate and legal notices, shopping links, helplines; contributors' lines,
reporters' contacts, author bios and editorial notes (claims.extraction.boilerplate drops what
these name)."""

from __future__ import annotations

import re

from claims.extraction.helplines import is_helpline
from claims.extraction.widgets import (
    AFFILIATE,
    AUTHOR_BIO,
    CONTACT_LINE,
    CONTRIBUTORS,
    COOKIES,
    EDITORIAL_NOTE,
    LEGAL_NOTICE,
    NEWSLETTER,
    READER_CALLOUT,
    REPUBLISHING,
    SHARE_PROMPT,
    SHOPPING,
    SUBSCRIPTION,
)

_BIO_CLAUSE = re.compile(r"\b(?:who|which|that|after|since|until|when|while)\b")


def credit_reason(s: str, words: int) -> str:
    """A contributors' line or the reporter's contact, whether a line or a paragraph's last
    sentence: "CNN's Jane Doe contributed to this report.", "Write to Jane Doe at ...@...".
    """
    if words <= 40 and CONTRIBUTORS.search(s):
        return "credits line"
    if words <= 30 and CONTACT_LINE.match(s):
        return "contact line"
    if words <= 30 and AUTHOR_BIO.match(s) and not _BIO_CLAUSE.search(s):
        return "author bio"
    if words <= 40 and EDITORIAL_NOTE.match(s):
        return "editorial note"
    return ""


# (most words, a word one of which every match contains, pattern, reason): the substring test
# is a quick filter before the regular expression, which runs on every line and sentence.
_PROMPTS = (
    (
        25,
        (
            "share",
            "tweet",
            "pin",
            "post",
            "friends",
            "follow",
            "like",
            "join",
            "say",
            "comment",
            "forward",
            "pass it",
            "pass this",
            "rt if",
        ),
        SHARE_PROMPT,
        "share prompt",
    ),
    (40, ("cookie",), COOKIES, "cookie banner"),
    (
        30,
        ("affected", "caught", "impacted", "hit", "share", "tell", "send", "have", "touch"),
        READER_CALLOUT,
        "reader call-out",
    ),
    (30, ("newsletter", "inbox", "mail"), NEWSLETTER, "newsletter signup"),
    (
        40,
        (
            "support",
            "subscri",
            "member",
            "log",
            "sign",
            "click",
            "download",
            "gift",
            "block",
            "rely",
        ),
        SUBSCRIPTION,
        "subscription prompt",
    ),
    (80, ("republish", "reproduce", "crediting"), REPUBLISHING, "republishing terms"),
    (40, ("affiliate", "commission", "share"), AFFILIATE, "affiliate disclosure"),
    (80, ("forward", "materially", "obligation"), LEGAL_NOTICE, "legal notice"),
)


def prompt_reason(s: str, words: int) -> str:
    lower = s.lower()
    for most, cues, pattern, reason in _PROMPTS:
        if words <= most and any(cue in lower for cue in cues) and pattern.search(s):
            return reason
    if words <= 25 and SHOPPING.match(s):
        return "shopping link"
    if words <= 60 and is_helpline(s):
        return "helpline"
    return ""
