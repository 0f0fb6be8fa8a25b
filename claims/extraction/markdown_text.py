"""Markdown pasted as an article (from Substack, Notion, a chat assistant, a README): its marks
are formatting, no part of the text a claim quotes.

    # Why the housing target will be missed
    *By Anna Lee, Housing Correspondent*
    The government promised to build **1.5 million homes**. According to the
    [Office for National Statistics](https://www.ons.gov.uk), only 221,000 ...

is read as the plain text a reader sees: the heading without its "#", the byline without its
asterisks, the link as its words. A text counts as Markdown only when it shows two kinds of mark
or more (headings, strong emphasis, links, quotation marks at line starts), so a plain article
with one "*" or a "#hashtag" is left as it is. read_text converts before anything else, so the
stored text, and every offset into it, is the plain one.
"""

from __future__ import annotations

import re

_SIGNALS = (
    re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),  # "## The planning backlog"
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # "**1.5 million homes**"
    re.compile(r"!?\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)"),  # "[ONS](https://...)"
    re.compile(r"^ {0,3}>[ \t]", re.MULTILINE),  # "> A quoted paragraph"
)
_MIN_SIGNALS = 2

_RULE = re.compile(r"[ \t]*(?:[-*_][ \t]*){3,}")  # "---", "* * *": a thematic break
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
_REFERENCE = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*")  # "[1]: https://..."
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"
)
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` shows two kinds of Markdown mark or more."""
    return sum(1 for signal in _SIGNALS if signal.search(text)) >= _MIN_SIGNALS


def plain_text(text: str) -> str:
    """``text`` (Markdown) as a reader sees it: each line without its marks; thematic breaks,
    code fences and link reference definitions become blank lines."""
    lines = []
    for line in text.split("\n"):
        if _RULE.fullmatch(line) or _FENCE.match(line) or _REFERENCE.fullmatch(line):
            lines.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _QUOTE.sub("", line)
        lines.append(_inline(line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m.group(1) or m.group(2), line)
    line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    return _STRUCK.sub(r"\1", line)
