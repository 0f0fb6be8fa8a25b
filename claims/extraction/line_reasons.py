"""Why one line, or one sentence, of a page is no part of the article (for
claims.extraction.boilerplate, which scans the lines in order and decides what needs their
neighbours): a whole line's reason and the document facts it carries (a byline's author, a
dateline's date, a copyright line's holder), a boilerplate prefix before kept text ("Also on
rt.com ", "BRUSSELS (Reuters) - "), and a sentence's reason inside a kept paragraph ("Sign up for
our newsletter ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from claims.extraction.bylines import (
    byline_of,
    credited_reporters,
    name_and_role,
)
from claims.extraction.code_lines import is_code_line
from claims.extraction.datelines import (
    DASHED_WIRE_DATELINE,
    DATED_PREFIX,
    DATELINE_PREFIX,
    SLASHED_DATELINE,
    WIRE_DATELINE,
)
from claims.extraction.dates import parse_dateline
from claims.extraction.embeds import (
    EMBEDDED_POST,
    QUOTE_SIGNATURE,
    quote_signature_author,
    signature_author,
)
from claims.extraction.headings import (
    word_count,
)
from claims.extraction.press_releases import (
    RELEASE_LABEL,
    RELEASE_LINE,
)
from claims.extraction.prompts import credit_reason, prompt_reason
from claims.extraction.sentences import split_block
from claims.extraction.titles import WIRE_SLUG, WIRE_SLUG_LABEL
from claims.extraction.widgets import (
    COPYRIGHT,
    CREDITS,
    GALLERY,
    ICON,
    LABEL_TRIM,
    LABELS,
    MISC_WIDGETS,
    NAV_SEPARATOR,
    PHOTO_CAPTION,
    PHOTO_CREDIT,
    PROMO_CAPS,
    PROMO_DOMAIN,
    PROMO_WITH_SEPARATOR,
    RIGHTS_RESERVED,
    SOCIAL_WORDS,
    SOURCE_LINE,
    STANDARDS_LINK,
    TIME_STAMP,
    TRANSCRIPT_NOTICE,
)

RELATED_LINK = "related-article link"
PRESS_RELEASE = "press release label"
LIST_MARKER = "list marker"


@dataclass(frozen=True)
class Facts:
    """What a boilerplate line tells about the document (a byline's author, a dateline's time)."""

    published_at: datetime | None = None
    author: str = ""
    publisher: str = ""


NO_FACTS = Facts()
_LONE_NUMBER_MARKER = re.compile(r"\s*\d{1,2}[.)]\s*")


def _is_nav_menu(s: str) -> bool:
    if len(s) > 400:
        return False
    items = [i for i in NAV_SEPARATOR.split(s) if i]
    if len(items) < 3 or s.rstrip()[-1:] in ".!?":
        return False
    # a menu's items are words: "Published: 03/25/2024" is a date's parts
    worded = sum(1 for i in items if any(c.isalpha() for c in i))
    return worded >= 2 and all(word_count(i) <= 3 for i in items)


def whole_line_reason(s: str) -> tuple[str, Facts]:
    """Why the whole line ``s`` is boilerplate ("" if it is not), and facts it carries."""
    # "| AP Photo/Uncredited |": a table cell's bars the HTML reader kept
    bar = _LEADING_BAR.match(s)
    s = _TRAILING_BAR.sub("", s[bar.end() :] if bar else s)
    words = word_count(s)
    icons = len(ICON.findall(s))
    if icons >= 3 and icons >= words * 0.2:
        return "navigation icon labels", NO_FACTS
    label = s.strip(LABEL_TRIM).casefold()
    if label in LABELS:
        return LABELS[label], NO_FACTS
    if _SEPARATOR.fullmatch(s):
        return "separator", NO_FACTS  # "___" under a wire story, above its credits
    if words <= 3 and RELEASE_LABEL.match(s):
        return PRESS_RELEASE, NO_FACTS  # "PRESS RELEASE"
    release = RELEASE_LINE.match(s) if words <= 10 else None
    if release:  # "For immediate release: 14 March 2025": the release date
        date = release.group("date")
        when = parse_dateline(date)[1] if date else None
        return PRESS_RELEASE, Facts(published_at=when)
    if is_code_line(s):
        return "program code", NO_FACTS  # a blog's code block: "SELECT count(*) FROM ...;"
    tokens = [t for t in re.split(r"[\s|•·,/]+", s.casefold()) if t]
    if tokens and all(t.strip(":") in SOCIAL_WORDS for t in tokens):
        return "share or comment button", NO_FACTS
    if _is_nav_menu(s):
        return "navigation menu", NO_FACTS
    prompt = prompt_reason(s, words)
    # A prompt drops the whole line only when every sentence of it is one; otherwise the
    # sentence filter drops just the prompt and keeps the article sentences around it.
    if prompt and all(sentence_reason(s[a:b]) for a, b in split_block(s, 0, len(s))):
        return prompt, NO_FACTS
    copyright_match = COPYRIGHT.match(s) if words <= 25 else None
    if copyright_match or (words <= 20 and RIGHTS_RESERVED.search(s)):
        holder = copyright_match.group("holder").strip(" ,") if copyright_match else ""
        return "copyright line", Facts(publisher=holder)
    if words <= 20 and signature_author(s):
        return EMBEDDED_POST, NO_FACTS  # "— Eric Adams (@NYCMayor) March 4, 2024"
    if words <= 20 and quote_signature_author(s):
        return QUOTE_SIGNATURE, NO_FACTS  # "— Mike Pompeo, College Station, TX, April 15, 2019"
    byline = byline_of(s)
    if byline:
        author, publisher, when = byline
        return "byline", Facts(published_at=when, author=author, publisher=publisher)
    author = name_and_role(s) if words <= 7 else ""
    if author:
        return "byline", Facts(author=author)  # "Pippa Crerar Political editor"
    if CREDITS.match(s) and words <= 30:
        return "credits line", Facts(author=credited_reporters(s))
    credit = credit_reason(s, words)
    if credit:
        return credit, NO_FACTS
    if words <= 15 and PHOTO_CREDIT.search(s):
        return "photo credit", NO_FACTS
    if words <= 80 and PHOTO_CAPTION.search(s):
        return "photo caption", NO_FACTS
    if words <= 120 and TRANSCRIPT_NOTICE.match(s):
        return "transcript notice", NO_FACTS
    if words <= 20 and SOURCE_LINE.match(s):
        return "source or credit line", NO_FACTS
    if words <= 8 and (GALLERY.match(s) or STANDARDS_LINK.match(s)):
        return "navigation label", NO_FACTS
    is_dateline, when = parse_dateline(s)
    if is_dateline:
        return "dateline", Facts(published_at=when)
    if words <= 5 and TIME_STAMP.match(s):
        return "time stamp", NO_FACTS  # a live blog's "09:45 GMT"
    if words <= 30:
        for pattern, reason in MISC_WIDGETS:
            if pattern.search(s):
                return reason, NO_FACTS
    return "", NO_FACTS


# The labels of a newsletter's or an explainer's sections, before their text: "Why it
# matters:", "The big picture:", "By the numbers:" (as Axios and Semafor write).
_SECTION_LABEL = re.compile(
    r"(?:why\s+it\s+matters|the\s+big\s+picture|between\s+the\s+lines|driving\s+the\s+news"
    r"|by\s+the\s+numbers|state\s+of\s+play|zoom\s+(?:in|out)|the\s+bottom\s+line"
    r"|what(?:'|’)s\s+next|what\s+they(?:'|’)re\s+saying|yes,\s+but|the\s+other\s+side"
    r"|catch\s+up\s+quick|go\s+deeper|flashback|reality\s+check|context)\s*:\s+",
    re.IGNORECASE,
)


# A live match report's minute before its entry: "60' ", "45+2' " (no figure of the text).
_MATCH_MINUTE = re.compile(r"\d{1,3}(?:\s?\+\s?\d{1,2})?['’′]\s+(?=\S)")


_LEADING_BAR = re.compile(r"\|[ \t]+(?=\S)")
_TRAILING_BAR = re.compile(r"(?<=\S)[ \t]+\|$")


def boilerplate_prefix(s: str, *, top: bool) -> tuple[int, str, Facts]:
    """Length of a boilerplate prefix of ``s`` (0 if none), its reason, and facts it carries."""
    bar = _LEADING_BAR.match(s)
    if bar and bar.end() < len(s):
        # "| KABUL, Afghanistan (AP) -- The father ...": a table cell's bar the HTML reader
        # kept, then whatever prefix the line has
        end, reason, facts = boilerplate_prefix(s[bar.end() :], top=top)
        return bar.end() + end, reason or "separator", facts
    m = PROMO_DOMAIN.match(s)
    if m:
        return m.end(), "promo link label", Facts(publisher=m.group("domain").lower())
    m = PROMO_WITH_SEPARATOR.match(s) or PROMO_CAPS.match(s)
    if m:
        return len(s), RELATED_LINK, NO_FACTS  # label and headline: see PROMO_DOMAIN
    m = _MATCH_MINUTE.match(s)
    if m and m.end() < len(s):
        return m.end(), "match minute", NO_FACTS  # "60' Chelsea have had 62% of possession"
    m = WIRE_SLUG.match(s) if top else None
    if m and m.end() < len(s):
        return m.end(), WIRE_SLUG_LABEL, NO_FACTS
    m = _SECTION_LABEL.match(s)
    if m and m.end() < len(s):
        return m.end(), "section label", NO_FACTS  # "Why it matters: The tour has boosted ..."
    m = DATED_PREFIX.match(s)
    if m and (top or m.group("place") or m.group("agency") or m.group("wire")):
        is_dateline, when = parse_dateline(m.group("date"))
        if is_dateline and when is not None:
            agency = (m.group("agency") or m.group("wire") or "").strip()
            return m.end(), "dateline", Facts(published_at=when, publisher=agency)
    m = (
        DATELINE_PREFIX.match(s)
        or DASHED_WIRE_DATELINE.match(s)
        or ((WIRE_DATELINE.match(s) or SLASHED_DATELINE.match(s)) if top else None)
    )
    if m:
        agency = (m.group("agency") or m.group("wire") or "").strip()
        return m.end(), "dateline", Facts(publisher=agency)
    return 0, "", NO_FACTS


# A transcript's note of what was heard besides the words: "[APPLAUSE]", "(CROSSTALK)",
# "(inaudible)", "[LAUGHTER]".
STAGE_DIRECTION = re.compile(
    r"[\[(](?:applause|laughter|laughs|crosstalk|cross-talk|inaudible|indistinct|unintelligible"
    r"|cheers|cheering|booing|boos|silence|pause|music|audience\s+\w+|bell\s+rings|gavel)[\])]",
    re.IGNORECASE,
)


def sentence_reason(s: str) -> str:
    """Why a single sentence is boilerplate even though its line was not ("" if it is not).

    Catches widget text that an HTML extractor merged into a paragraph, such as "Sign up for our
    newsletter to get the day's top stories." after the last real sentence.
    """
    words = word_count(s)
    if not words:
        return "no words"
    if words <= 3 and STAGE_DIRECTION.fullmatch(s.strip()):
        return "stage direction"  # "[APPLAUSE]" between a transcript's sentences
    if words == 1 and _LONE_NUMBER_MARKER.fullmatch(s):
        return LIST_MARKER  # "1." on its line, or split off its item: "1. The programme runs"
    if words <= 20 and SOURCE_LINE.match(s):
        return "source or credit line"
    credit = credit_reason(s, words)
    if credit:
        return credit
    if PROMO_WITH_SEPARATOR.match(s) or PROMO_CAPS.match(s):
        return RELATED_LINK  # "... said officials. Read more: <headline>" in one paragraph
    if words <= 10 and COPYRIGHT.match(s):
        return "copyright line"  # "© Copyright Africa Check 2020. Read our republishing ..."
    if words <= 6 and _ADDRESS_OR_END.match(s):
        return "contact address or end mark"  # "kokobj@yna.co.kr", "(END)": a wire's tail
    if words <= 20 and s.startswith(("—", "–", "-")) and signature_author(s):
        return EMBEDDED_POST  # "We are working ... possible. — SSEN (@ssencommunity) March 21"
    return prompt_reason(s, words)


# A reporter's address alone, or the end mark a wire puts under its copy.
_ADDRESS_OR_END = re.compile(
    r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\(END\)|-+\s*END\s*-+|#{3})\s*$", re.IGNORECASE
)


_SEPARATOR = re.compile(r"[\W_]+")
