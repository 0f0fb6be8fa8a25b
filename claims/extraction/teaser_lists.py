"""Lists of other stories under their heading, as a page pasted whole brings them along ("Most
read", "Related", "You may also like", "Top stories"): the heading is a navigation label
(claims.extraction.widgets), and the headlines listed under it are no claims of the article
("1. Man dies after being hit by bus in Leeds", "- Snow warning issued for Scotland")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extraction.line_spans import LineSpan
from claims.extraction.widgets import LABEL_TRIM, MORE_FROM

RELATED_LIST = "related-stories list"

# The navigation labels that head a list of other stories (not "Share", "Menu", "Search").
LIST_HEADINGS = frozenset(
    """most read|most popular|most viewed|most shared|trending|trending now|related
    |related articles|related stories|related content|related links|related topics
    |you may also like|you might also like|recommended|recommended for you|top stories
    |latest news|more stories|more news|more on this story|more on this topic
    |read more|read next|what to read next|editor's picks|editors' picks|popular
    |in case you missed it|see also|also read|more from|elsewhere
    |explore more on these topics|more on these topics""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")
_MAX_WORDS = 20  # a headline, not a paragraph


def teaser_list_lines(text: str, verdicts: Sequence[LineSpan]) -> list[int]:
    """The indexes of the kept lines that list other stories under a list heading: each line
    after the heading while it reads as a headline (twenty words at most, no full stop at its
    end; a list marker before it or not), to the first line that does not."""
    found: list[int] = []
    i = 0
    while i < len(verdicts):
        heading = verdicts[i]
        label = text[heading.start : heading.end].strip(LABEL_TRIM).lower()
        i += 1
        if not heading.dropped or (
            label not in LIST_HEADINGS
            and not MORE_FROM.match(text[heading.start : heading.end].strip())
        ):
            continue
        while i < len(verdicts) and _is_headline(text[verdicts[i].start : verdicts[i].end]):
            if not verdicts[i].dropped:
                found.append(i)
            i += 1
    return found


def _is_headline(line: str) -> bool:
    body = _LIST_MARKER.sub("", line).strip()
    # not a sentence ending in a full stop, also inside its closing quotation mark ('...
    # said: "We are deeply sorry."')
    return 0 < len(body.split()) <= _MAX_WORDS and not body.rstrip("\"'”’)").endswith(".")
