"""A press release's furniture, for claims.extraction.boilerplate: its label and release line
("PRESS RELEASE", "For immediate release: 14 March 2025", whose date is the publication date)
and its closing sections, which describe the sender or brief editors, not the news ("About Acme
Robotics", "Notes to editors", "ENDS"). Split from claims.extraction.widgets."""

from __future__ import annotations

import re

from claims.extraction.speaker_types import has_org_word

# The label over a press release, on a line of its own.
RELEASE_LABEL = re.compile(r"^(?:press|news|media)\s+release\s*:?$", re.IGNORECASE)
# The embargo line, perhaps with the release date: "For immediate release: 14 March 2025".
RELEASE_LINE = re.compile(
    r"^(?:for\s+immediate\s+release|embargoed(?:\s+until)?|not\s+for\s+publication\s+before)"
    r"\s*[:,-]?\s*(?P<date>.{0,40}?)\s*$",
    re.IGNORECASE,
)
# The end of a press release's text, after which come notes for editors: "ENDS", "-ends-", "###",
# "Notes to editors".
NOTES_SECTION = re.compile(
    r"^(?:-*\s*ends\s*-*|#{3}|notes?\s+(?:to|for)\s+(?:the\s+)?editors?\s*:?)$", re.IGNORECASE
)


# A press release's closing section, "About Acme Robotics" (or an article's "About the author")
# standing alone: it and everything after it describe the sender, not the news.
ABOUT_SECTION = re.compile(
    r"^About\s+(?:the\s+[Aa]uthors?|[Uu]s|[A-Z0-9][\w&.,'’-]*"
    r"(?:\s+(?:[A-Z0-9&][\w&.,'’-]*|of|and|for|the|de|du|von|van)){0,6})\s*:?$"
)


def closes_the_text(heading: str, at: int, length: int) -> bool:
    """Whether an "About ..." heading opens the sender's closing section: about an organisation
    ("About Acme Robotics"), the author or "us", or anything in the text's last 40%; "About
    Garstang" halfway through an article is a subheading."""
    about = heading.split(None, 1)[1].rstrip(" :") if " " in heading else ""
    if about.lower() in {"us", "the author", "the authors"} or has_org_word(about):
        return True
    return at >= 0.6 * length


_SPACE = re.compile(r"[ \t\n]*")
_BLANK_LINE_OR_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*\Z)")


def about_heading_ends(heading: str, text: str, end: int) -> bool:
    """Whether the "About ..." line ending at ``end`` stands alone as a heading: a blank line
    after it, or the next line opening with what it is about ("About Acme Robotics\nAcme
    Robotics builds ...", as press releases set it)."""
    if _BLANK_LINE_OR_END.match(text, end):
        return True
    about = heading.split(None, 1)[1].rstrip(" :") if " " in heading else ""
    return bool(about) and text.startswith(about, _SPACE.match(text, end).end())


# A listed company's exchange and ticker in brackets after its name: "(LSE: ACME)".
_EXCHANGE = r"\((?:LSE|AIM|NYSE|NASDAQ|TSX|ASX|NSE|BSE|Euronext|XETRA|OTCQX)\s*:"
# The verb of a release's opening sentence: "Acme Robotics Inc. today announced ...".
_TODAY_ANNOUNCES = r"\btoday\s+(?:announces|announced|reports|reported|publishes|published)\b"
# A press release's wire tag on its dateline: "BOSTON, Nov. 4, 2025 /PRNewswire/ -- Acme
# Robotics Inc. today announced ...", "(BUSINESS WIRE)--", "/ GLOBE NEWSWIRE /"; or a listed
# company announcing on its exchange: "Acme plc (LSE: ACME) today announces".
_WIRE_TAG = re.compile(
    r"/\s*(?:PR\s?Newswire|Business\s+Wire|GLOBE\s+NEWSWIRE|ACCESSWIRE|PRWeb)\s*/"
    r"|\((?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE)\)"
    rf"|{_EXCHANGE}\s*[A-Z][A-Z.]{{0,6}}\)[^.]{{0,60}}{_TODAY_ANNOUNCES}",
    re.IGNORECASE,
)
_LISTED_ISSUER = re.compile(
    rf"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,5}})\s*{_EXCHANGE}", re.IGNORECASE
)
_ANNOUNCES = re.compile(_TODAY_ANNOUNCES)


def is_press_release(text: str) -> bool:
    """Whether ``text`` is a press release put out on a wire, or a listed company's
    announcement: its opening carries the wire's tag or the company's ticker (every sentence of
    it is then the issuer's, claims.extraction.pipeline)."""
    return bool(_WIRE_TAG.search(text, 0, 3000))


def announces(sentence: str) -> bool:
    """Whether ``sentence`` opens a release the way its issuer announces: "... today announced"."""
    return bool(_ANNOUNCES.search(sentence))


def listed_issuer(sentence: str) -> str:
    """The company a listed company's announcement opens with ("Acme plc (LSE: ACME) today
    announces ..."), or ""."""
    m = _LISTED_ISSUER.match(sentence)
    return m.group("name") if m else ""
