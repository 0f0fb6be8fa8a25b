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

from claims.extraction.dates import parse_dateline
from claims.extraction.lexicon import ORG_WORDS, word_set
from claims.extraction.quantities import phone_numbers
from claims.extraction.sentences import split_block


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


@dataclass(frozen=True)
class _Facts:
    """What a boilerplate line tells about the document (a byline's author, a dateline's time)."""

    published_at: datetime | None = None
    author: str = ""
    publisher: str = ""


_NO_FACTS = _Facts()
_LINE_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[\w'’-]+")


def _labels(spec: str, reason: str) -> dict[str, str]:
    return {label.strip(): reason for label in spec.split("|") if label.strip()}


# Lines that are nothing but a widget label. Matched after lowercasing and trimming punctuation.
_LABELS: dict[str, str] = {
    **_labels(
        """advertisement|advertising|sponsored|sponsored content|paid content|ad|promoted
        |story continues below advertisement|article continues below|continue reading below""",
        "advertisement",
    ),
    **_labels(
        """share|share this|share this article|share this story|share this page|tweet|email
        |print|copy link|link copied|whatsapp|facebook|twitter|linkedin|pinterest|reddit
        |telegram|messenger|share via|share on|more sharing options|comments|show comments
        |hide comments|leave a comment|view comments|join the conversation""",
        "share or comment button",
    ),
    **_labels(
        """menu|search|skip to content|skip to main content|skip to navigation|home|close
        |back to top|sign in|log in|login|sign up|register|my account|subscribe|subscribe now
        |more|next|previous|next article|previous article|most read|most popular|trending
        |related|related articles|related stories|related content|you may also like
        |recommended|recommended for you|topics|tags|hide caption|toggle caption|image|photo
        |video|listen|watch|loading|continue reading|read more|see more|show more|load more
        |follow us|latest|latest news|top stories|breaking|breaking news|live|sections
        |all sections|newsletters|podcasts|about us|contact us|privacy policy|cookie policy
        |terms of use|terms and conditions|accessibility|sitemap""",
        "navigation label",
    ),
}
_LABEL_TRIM = " \t:|•·»›>-–—()[]"

_SOCIAL_WORDS = word_set("""
    share facebook twitter x linkedin whatsapp email e-mail print telegram vk reddit
    pinterest messenger copy link tweet mail flipboard instagram youtube tiktok threads
    bluesky mastodon sms""")
_NAV_SEPARATOR = re.compile(r"\s*[|•·»›/]\s*")
_ICON = re.compile(r"icon", re.IGNORECASE)

_SHARE_PROMPT = re.compile(
    r"share\s+(?:this|the)\s+(?:story|article|page|post|link|video)"
    r"|share\s+(?:on|via|to)\s+(?:facebook|twitter|x|linkedin|whatsapp|telegram|vk|reddit|email)"
    r"|(?:tweet|post|pin)\s+this\b"
    r"|friends\s+would\s+be\s+interested"
    r"|follow\s+(?:us|[A-Z][\w.]*)\s+on\s+(?:twitter|facebook|telegram|instagram|x|youtube"
    r"|tiktok|linkedin|threads|bluesky)"
    r"|like\s+us\s+on\s+facebook"
    r"|join\s+(?:the|our)\s+(?:conversation|discussion|community)",
    re.IGNORECASE,
)
_COOKIES = re.compile(
    r"\bcookies?\b.{0,120}\b(?:use|using|accept|consent|policy|settings|preferences|agree"
    r"|experience|partners)\b"
    r"|\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b"
    r"|\baccept\s+(?:all\s+)?cookies\b",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\bnewsletters?\b.{0,80}\b(?:sign\s*up|subscribe|inbox|e-?mail|delivered|get|receive)\b"
    r"|\b(?:sign\s*up|subscribe)\b.{0,60}\bnewsletters?\b"
    r"|\benter\s+your\s+e-?mail\b"
    r"|\bin\s+your\s+inbox\b",
    re.IGNORECASE,
)
_SUBSCRIPTION = re.compile(
    r"\bsupport\s+(?:our|independent)\s+journalism\b"
    r"|\bbecome\s+a\s+(?:member|subscriber|supporter)\b"
    r"|\balready\s+a\s+(?:subscriber|member)\b"
    r"|\bsubscribe\s+(?:now|today|to\s+(?:continue|read|our))\b"
    r"|\b(?:log|sign)\s+in\s+to\s+(?:continue|read|comment)\b"
    r"|\bclick\s+here\b"
    r"|\bdownload\s+(?:our|the)\s+app\b",
    re.IGNORECASE,
)
# "Copyright law was changed" is not a notice: "copyright" must come with ©, (c) or a year.
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?=©|\(c\)|(?:19|20)\d{2}))\s*(?:©|\(c\))?\s*"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?)?"
    r"\s*,?\s*(?P<holder>[^.|]*?)\s*(?:[.|]|\ball\s+rights\s+reserved\b|$)",
    re.IGNORECASE,
)
_RIGHTS_RESERVED = re.compile(r"\ball\s+rights\s+reserved\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|words\s+by|written\s+by|text\s+by|story\s+by)\s+(?P<rest>[A-Z].*)$",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||;|\s[-–—]\s|\sfor\s)\s*")
_BYLINE_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*|[A-Z]\.|and|&|de|van|von|der|da|del|al|bin)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|and|&|de|van|von|der|da|del|al|bin))*"
)
_BYLINE_LOCATION = re.compile(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$")
_ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|journalist|columnist|contributor|staff"
    r"|analyst|producer|bureau\s+chief|desk|intern)\b",
    re.IGNORECASE,
)
_NOT_BYLINE_NAMES = word_set("monday tuesday wednesday thursday friday saturday sunday the this")
_CREDITS = re.compile(
    r"^(?:(?:additional\s+)?reporting|editing|writing|compiled|produced)\s+by\b.*", re.IGNORECASE
)
_PHOTO_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|pic|credits?|photo\s+credit|image\s+credit"
    r"|image\s+source|illustration|video|main\s+image|top\s+image|caption)\s*:\s*\S"
    r"|^\(?(?:photos?|images?|pictures?)\s+(?:by|courtesy(?:\s+of)?)\s"
    r"|/\s*(?:getty(?:\s+images)?|reuters|ap(?:\s+photo)?|afp|epa|shutterstock|alamy"
    r"|pa(?:\s+(?:wire|images|media))?|sputnik|tass|bloomberg|anadolu)\)?\.?$",
    re.IGNORECASE,
)
_MISC_WIDGETS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d+\s*(?:min(?:ute)?s?)\s+read$", re.IGNORECASE), "reading time"),
    (
        re.compile(r"^(?:tags?|topics?|filed\s+under|categories|keywords)\s*:", re.IGNORECASE),
        "tag list",
    ),
    (re.compile(r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$", re.IGNORECASE), "comment count"),
    (re.compile(r"^(?:image|photo)\s+caption\b", re.IGNORECASE), "photo credit"),
)

# "Source: CDC, Chicago Department of Public Health" under a chart or fact box: who supplied
# the figures, not a statement the article makes.
_SOURCE_LINE = re.compile(
    r"^(?:sources?|data(?:\s+sources?)?|graphics?|chart|map|infographic|table|figures)\s*:\s*\S",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# One of these is in every helpline sentence with a number (_HELPLINE_CUE, _HELPLINE_NAME and
# _SERVICE_CODE): a quick test before the regular expressions.
_HELPLINE_WORDS = (
    *("call", "phone", "tel", "dial", "ring", "text", "sms", "contact", "reach", "line"),
    *("freephone", "toll", "samaritans"),
)
# Words that make a phone number a helpline or contact line rather than a figure.
_HELPLINE_CUE = re.compile(
    r"\b(?:call(?:ing)?|phone|telephone|tel|dial|ring|text|sms|contact(?:ed)?|reach(?:ed)?)\b",
    re.IGNORECASE,
)
# Words that name a help service: with them a number "on", "at" or after a colon is its phone
# number ("Samaritans can be contacted on 116 123"), and "The hotline took 300 calls" is not.
_HELPLINE_NAME = re.compile(
    r"\b(?:helplines?|hotlines?|lifelines?|crisis\s+(?:text\s+)?line|freephone|toll[- ]free"
    r"|samaritans)\b.{0,80}?(?:\b(?:on|at|number|call|dial|text)|:)\s*\(?\+?\d{3}",
    re.IGNORECASE,
)
# "call 999", "dial 911 or ...": a short emergency or service code after a calling verb.
_SERVICE_CODE = re.compile(
    r"\b(?:call|dial|ring|text|phone)\s+(?:[A-Z]+\s+to\s+)?\d{3,6}(?=\s*(?:[.,;)!]|or\b|for\b"
    r"|and\b|$))",
    re.IGNORECASE,
)
# The help box under stories about suicide, abuse or addiction, whether or not it gives a number.
_HELP_OFFER = re.compile(
    r"\bif\s+you(?:\s+or\s+someone\s+you\s+know)?\s+(?:are|is|have\s+been|need|feel|were)\s+"
    r"(?:struggling|affected|in\s+crisis|experiencing|having\s+(?:suicidal\s+)?thoughts"
    r"|thinking\s+(?:about|of)\s+suicide|feeling\s+suicidal|help|support)",
    re.IGNORECASE,
)


def _is_helpline(s: str) -> bool:
    # Cheap tests first: this runs on every line and every sentence.
    lower = s.lower()
    if "if you" in lower and _HELP_OFFER.search(s):
        return True
    if not _DIGIT.search(s) or not any(word in lower for word in _HELPLINE_WORDS):
        return False
    if _SERVICE_CODE.search(s) or _HELPLINE_NAME.search(s):
        return True
    return bool(_HELPLINE_CUE.search(s)) and bool(phone_numbers(s))


# Widgets that only some layouts have: a gallery's title and its "Show all 50" button, a link to
# the outlet's editorial standards.
_GALLERY = re.compile(
    r"^(?:[\w'’&-]+\s+){0,6}in\s+(?:pictures|photos|images)$"
    r"|^(?:show|view|see)\s+all(?:\s+\d+)?(?:\s+(?:photos|images|pictures|items))?$",
    re.IGNORECASE,
)
_STANDARDS_LINK = re.compile(
    r"^(?:our\s+(?:editorial\s+)?standards|editorial\s+(?:standards|guidelines|policy)"
    r"|corrections\s+policy)\s*:",
    re.IGNORECASE,
)

# Links to other stories. Two kinds, treated differently:
# - "Also on rt.com <headline>": the outlet's teaser box set into the article. The label is
#   boilerplate; the headline is kept, marked RELATED_HEADLINE, because the page shows it to
#   its readers as a statement of its own and such teasers often carry the very claim being
#   checked (the example article's "US tells 20,000 Russian islanders ...", which its body
#   never states).
# - "Read more: <headline>", "RELATED: <headline>", "See also: ...": a pointer to further
#   reading. The whole line is dropped: the headline is the other article's claim, checked in
#   its own context when that article is ingested (an HTML page's link to it is stored as a
#   related source).
_PROMO_DOMAIN = re.compile(
    r"^(?:also|more)\s+on\s+(?P<domain>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b"
    r"\s*[:\-–—|»›]*\s*",
    re.IGNORECASE,
)
_PROMO_LABEL = (
    r"read\s+more|read\s+also|also\s+read|related(?:\s+(?:story|stories|article|articles"
    r"|content|coverage|reading))?|see\s+also|more\s+on\s+this(?:\s+story)?|recommended"
    r"|don'?t\s+miss|further\s+reading|watch|listen|explainer|live|trending"
    r"|editor'?s\s+picks?|most\s+read|must\s+read"
)
_PROMO_WITH_SEPARATOR = re.compile(rf"^(?:{_PROMO_LABEL})\s*[:|»›>–—-]+\s*", re.IGNORECASE)
_PROMO_CAPS = re.compile(r"^(?:READ MORE|READ ALSO|ALSO READ|RELATED|SEE ALSO|MUST READ)\s+")
# The kept text after an "Also on <outlet>" label: another story's headline, which the page
# shows its readers but the article's body does not state. Carried on LineVerdict.context so
# that a claim taken from it can say so.
RELATED_HEADLINE = "related-article headline"
RELATED_LINK = "related-article link"

# "BRUSSELS (Reuters) - " or "NEW YORK — " opening a wire story's first paragraph.
_DATELINE_PREFIX = re.compile(
    r"^(?P<place>[A-Z]{3,}[A-Z'.-]*(?:[ /]+[A-Z]{2,}[A-Z'.-]*){0,3})"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\))?"
    r"\s*(?:-{1,2}|–|—)\s+(?=\S)"
)


def _normalise(s: str) -> str:
    return " ".join(s.casefold().split()).rstrip(".!?:;,")


def _word_count(s: str) -> int:
    return len(_WORD_RE.findall(s))


def _looks_like_outlet(s: str) -> bool:
    """Whether a byline tail such as "Reuters" or "The Guardian" names a publisher."""
    words = s.split()
    if not words or len(words) > 5 or _ROLE_WORDS.search(s):
        return False
    if not all(w[0].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words):
        return False
    return any(w.lower().strip(".") in ORG_WORDS for w in words) or (
        len(words) == 1 and words[0].isupper() and len(words[0]) >= 2
    )


def _byline(s: str) -> tuple[str, str, datetime | None] | None:
    """(author, publisher, published_at) when ``s`` is a byline line."""
    m = _BYLINE.match(s)
    if not m or _word_count(s) > 16 or s.endswith("."):
        return None
    parts = _BYLINE_SPLIT.split(m.group("rest"), maxsplit=1)
    name = _BYLINE_LOCATION.sub("", parts[0]).strip()
    name_match = _BYLINE_NAME.fullmatch(name)
    if not name_match or name.split()[0].lower() in _NOT_BYLINE_NAMES:
        return None
    publisher = ""
    published_at = None
    if len(parts) > 1:
        tail = parts[1].strip()
        is_dateline, when = parse_dateline(tail)
        if is_dateline:
            published_at = when
        else:
            for piece in _BYLINE_SPLIT.split(tail):
                if _looks_like_outlet(piece.strip()):
                    publisher = piece.strip()
                    break
    return name, publisher, published_at


def _is_nav_menu(s: str) -> bool:
    if len(s) > 400:
        return False
    items = [i for i in _NAV_SEPARATOR.split(s) if i]
    if len(items) < 3 or s.rstrip()[-1:] in ".!?":
        return False
    return all(_word_count(i) <= 3 for i in items)


def _whole_line_reason(s: str) -> tuple[str, _Facts]:
    """Why the whole line ``s`` is boilerplate ("" if it is not), and facts it carries."""
    words = _word_count(s)
    icons = len(_ICON.findall(s))
    if icons >= 3 and icons >= words * 0.2:
        return "navigation icon labels", _NO_FACTS
    label = s.strip(_LABEL_TRIM).casefold()
    if label in _LABELS:
        return _LABELS[label], _NO_FACTS
    tokens = [t for t in re.split(r"[\s|•·,/]+", s.casefold()) if t]
    if tokens and all(t.strip(":") in _SOCIAL_WORDS for t in tokens):
        return "share or comment button", _NO_FACTS
    if _is_nav_menu(s):
        return "navigation menu", _NO_FACTS
    prompt = _prompt_reason(s, words)
    # A prompt drops the whole line only when every sentence of it is one; otherwise the
    # sentence filter drops just the prompt and keeps the article sentences around it.
    if prompt and all(sentence_reason(s[a:b]) for a, b in split_block(s, 0, len(s))):
        return prompt, _NO_FACTS
    copyright_match = _COPYRIGHT.match(s) if words <= 25 else None
    if copyright_match or (words <= 20 and _RIGHTS_RESERVED.search(s)):
        holder = copyright_match.group("holder").strip(" ,") if copyright_match else ""
        return "copyright line", _Facts(publisher=holder)
    byline = _byline(s)
    if byline:
        author, publisher, when = byline
        return "byline", _Facts(published_at=when, author=author, publisher=publisher)
    if _CREDITS.match(s) and words <= 30:
        return "credits line", _NO_FACTS
    if words <= 15 and _PHOTO_CREDIT.search(s):
        return "photo credit", _NO_FACTS
    if words <= 20 and _SOURCE_LINE.match(s):
        return "source or credit line", _NO_FACTS
    if words <= 8 and (_GALLERY.match(s) or _STANDARDS_LINK.match(s)):
        return "navigation label", _NO_FACTS
    is_dateline, when = parse_dateline(s)
    if is_dateline:
        return "dateline", _Facts(published_at=when)
    if words <= 30:
        for pattern, reason in _MISC_WIDGETS:
            if pattern.search(s):
                return reason, _NO_FACTS
    return "", _NO_FACTS


def _prefix(s: str) -> tuple[int, str, _Facts]:
    """Length of a boilerplate prefix of ``s`` (0 if none), its reason, and facts it carries."""
    m = _PROMO_DOMAIN.match(s)
    if m:
        return m.end(), "promo link label", _Facts(publisher=m.group("domain").lower())
    m = _PROMO_WITH_SEPARATOR.match(s) or _PROMO_CAPS.match(s)
    if m:
        return len(s), RELATED_LINK, _NO_FACTS  # label and headline: see _PROMO_DOMAIN
    m = _DATELINE_PREFIX.match(s)
    if m:
        agency = (m.group("agency") or "").strip()
        return m.end(), "dateline", _Facts(publisher=agency)
    return 0, "", _NO_FACTS


def _prompt_reason(s: str, words: int) -> str:
    if words <= 25 and _SHARE_PROMPT.search(s):
        return "share prompt"
    if words <= 40 and _COOKIES.search(s):
        return "cookie banner"
    if words <= 30 and _NEWSLETTER.search(s):
        return "newsletter signup"
    if words <= 25 and _SUBSCRIPTION.search(s):
        return "subscription prompt"
    if words <= 60 and _is_helpline(s):
        return "helpline"
    return ""


def sentence_reason(s: str) -> str:
    """Why a single sentence is boilerplate even though its line was not ("" if it is not).

    Catches widget text that an HTML extractor merged into a paragraph, such as "Sign up for our
    newsletter to get the day's top stories." after the last real sentence.
    """
    words = _word_count(s)
    if not words:
        return "no words"
    if words <= 20 and _SOURCE_LINE.match(s):
        return "source or credit line"
    if _PROMO_WITH_SEPARATOR.match(s) or _PROMO_CAPS.match(s):
        return RELATED_LINK  # "... said officials. Read more: <headline>" in one paragraph
    return _prompt_reason(s, words)


# A subheading ends without punctuation; body lines end with it (or continue on the next line).
_SENTENCE_END = tuple('.!?:;,…"”’»)')
_LIST_MARKER = re.compile(r"^(?:[-–—•*·▪►]|\d+[.)])\s")
# Blank line or end of text after a line: the line is the last of its paragraph.
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*\Z)")
# A kept line of this many words is article text (a body paragraph or its first wrapped line),
# not a headline, label or subheading. document.py reads datelines only above the body.
BODY_MIN_WORDS = 8
_SUBHEADING_MAX_WORDS = 12


def _is_subheading(line: str) -> bool:
    """Whether ``line``, alone in its paragraph after the article's body has begun, is a
    subheading ("A city upended", "DISAPPOINTING NIGHT FOR 'IRISHMAN'") or an unlabelled link to
    another story: short, capitalised, no closing punctuation, no figures.

    A line with a digit is kept: a fact-box line ("33% of those hospitalised ...") is a figure
    an editor checks, and a subheading with a figure repeats one the body gives anyway.
    """
    if len(line) > 120 or not line[0].isupper() or _DIGIT.search(line):
        return False
    shouting = line.upper() == line
    if line.endswith(_SENTENCE_END) and not (shouting and line[-1] in "’'\"”"):
        return False
    if _LIST_MARKER.match(line):
        return False
    return _word_count(line) <= _SUBHEADING_MAX_WORDS


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

        reason, facts = _whole_line_reason(stripped)
        previous = verdicts[-1] if verdicts else None
        if (
            not reason
            and previous is not None
            and previous.paragraph == paragraph
            and previous.dropped
            and stripped[0].islower()
        ):
            # The wrapped tail of a dropped line ("... top stories in your\ninbox.").
            reason, facts = previous.reason, _NO_FACTS
        keep_start = end if reason else start
        context = ""
        if not reason:
            cut, reason, facts = _prefix(stripped)
            if cut:
                keep_start = start + cut
                if not text[keep_start:end].strip(_LABEL_TRIM):
                    keep_start = end  # a promo label with no headline after it
                elif reason == "promo link label":
                    context = RELATED_HEADLINE
            elif (
                body_started
                and (previous is None or previous.paragraph != paragraph)
                and _is_subheading(stripped)
                and _PARAGRAPH_END.match(text, m.end())
            ):
                subheadings.append(len(verdicts))
            elif (
                not body_started
                and stripped.endswith(_SENTENCE_END)
                and _word_count(stripped) >= BODY_MIN_WORDS
            ):
                body_started = True
        if keep_start < end:
            # Only the kept part counts: "Read more: X" and a later plain "X" repeat each other.
            key = _normalise(text[keep_start:end])
            if _word_count(key) >= 3:
                if key in seen:
                    keep_start, reason, facts = end, "repeated line", _NO_FACTS
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
    return tuple(verdicts)
