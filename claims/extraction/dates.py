"""Finding publication dates in datelines and in a page's markup.

Every datetime returned here is timezone-aware and in UTC. A date written without a zone
("15 Feb, 2021 11:59") is taken to be UTC: the text gives us nothing better, and storing a
naive datetime would make the Django side guess later with less information. A date without a
time is midnight UTC of that day.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
from lxml import etree

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Fixed offsets for abbreviations that are unambiguous; "ET"/"PT"/"CT" name a region whose
# offset depends on daylight saving, so they go through zoneinfo instead.
_FIXED_ZONES = {
    "gmt": 0,
    "utc": 0,
    "z": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "est": -300,
    "edt": -240,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
}
_REGION_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "pt": "America/Los_Angeles"}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ZONE_NAMES = (
    r"(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}"
    r"|gmt|utc|bst|cest|cet|eest|eet|msk|jst|kst|aest|est|edt|cdt|mst|mdt|pst|pdt|et|ct|pt|z"
)
_TIME = (
    r"(?:,?\s*(?:at\s+|[-|–—]\s*)?"
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    rf"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>{_ZONE_NAMES})\)?(?![a-z]))?)?"
)

# The time before the date: "12:05 BST, 5 March 2021", "11:59 AM EST, Mon February 15, 2021".
_TIME_FIRST = (
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    rf"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>{_ZONE_NAMES})\)?(?![a-z]))?\s*,?\s+"
)

_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 15 Feb, 2021 11:59 / Mon 15 Feb 2021 11.59 GMT / 15 February 2021 at 11:59
        rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b{_TIME}",
        # February 15, 2021 / Feb. 15, 2021 11:59 a.m. ET
        rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b{_TIME}",
        # 2021-02-15 / 2021-02-15T11:59:00Z / 2021-02-15 11:59
        rf"\b{_YEAR}-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"\s*(?P<tz>z|[+-]\d{2}:?\d{2}|gmt|utc)?)?(?![\d:])",
        # 19.01.2020 / 19.01.2020 11:59: day first, as everywhere dots separate a date's parts
        # (slashes are left out: 01/02/2020 is January in the US and February elsewhere).
        rf"(?<![\d.]){_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}(?![\d.]\d){_TIME}",
        rf"(?<![\d:.]){_TIME_FIRST}{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
        rf"(?<![\d:.]){_TIME_FIRST}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    )
)

# Words that may surround a date on a dateline without making it a sentence.
_DATELINE_FILLER = re.compile(
    r"(?:published|updated|last\s+updated|(?:first|originally)\s+published|last\s+modified"
    r"|modified|posted"
    r"|date|on|at|and|\bat\b|[|:,;\-–—·•/()]|\s)*",
    re.IGNORECASE,
)
_RELATIVE_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(r"(?:published|posted)\s*(?:on)?\s*:?\s*$", re.IGNORECASE)
# A date after one of these is when the article last changed, never when it was published.
# Public: the HTML reader uses it for the label in front of a <time> element.
MODIFIED_LABEL = re.compile(
    r"\b(?:updated|modified)\s*(?:on|at)?\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)


# Longer than any dateline: two dates with labels and weekdays ("Published: Wednesday 3 March
# 2023 09:15 GMT | Last updated: Thursday 4 March 2023 10:00 GMT") take under 100 characters.
_DATELINE_MAX_CHARS = 200


@dataclass(frozen=True)
class DateMatch:
    when: datetime
    start: int
    end: int


def _zone(name: str | None) -> tzinfo:
    if not name:
        return UTC
    key = re.sub(r"\s+", "", name.lower())
    if key in _FIXED_ZONES:
        return timezone(timedelta(minutes=_FIXED_ZONES[key]))
    if key in _REGION_ZONES:
        try:
            return ZoneInfo(_REGION_ZONES[key])
        except ZoneInfoNotFoundError:  # no tz database on the host: UTC beats failing
            return UTC
    offset = re.fullmatch(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?", key)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        return timezone(sign * timedelta(minutes=minutes))
    return UTC


def _from_match(m: re.Match[str]) -> datetime | None:
    groups = m.groupdict()
    month = (
        int(groups["monthnum"]) if groups.get("monthnum") else _MONTHS[groups["month"][:3].lower()]
    )
    hour = int(groups["hour"]) if groups.get("hour") else 0
    minute = int(groups["minute"]) if groups.get("minute") else 0
    second = int(groups["second"]) if groups.get("second") else 0
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        local = datetime(int(groups["year"]), month, int(groups["day"]), hour, minute, second)
    except ValueError:  # "31 Feb 2021" is not a date, whatever the text says
        return None
    return local.replace(tzinfo=_zone(groups.get("tz"))).astimezone(UTC)


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (day, month and year) in ``text``, in text order, without overlaps."""
    found: list[DateMatch] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            when = _from_match(m)
            if when is not None:
                found.append(DateMatch(when, m.start(), m.end()))
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMatch] = []
    for d in found:
        if not result or d.start >= result[-1].end:
            result.append(d)
    return result


def parse_dateline(line: str) -> tuple[bool, datetime | None]:
    """Whether ``line`` is nothing but a dateline, and the publication time it gives.

    "15 Feb, 2021 11:59", "Published: 3 March 2023 | Updated: 4 March 2023" and "2 hours ago"
    are datelines; "In 2021 the fleet caught 3,200 tonnes" is not. A relative dateline has no
    usable time, and a date labelled "Updated" or "Modified" is not a publication time, so
    "Updated 4 March 2023" returns ``(True, None)``: still a dateline to drop, but the caller
    must look elsewhere (the next line, often) for when the article was published.
    """
    stripped = line.strip()
    if len(stripped) > _DATELINE_MAX_CHARS:
        return False, None  # every line is tried: a paragraph is not worth the date search
    if _RELATIVE_DATELINE.match(stripped):
        return True, None
    dates = find_dates(stripped)
    if not dates:
        return False, None
    labels: list[str] = []  # the text between the previous date (or the start) and each date
    pos = 0
    for d in dates:
        label = stripped[pos : d.start]
        if not _DATELINE_FILLER.fullmatch(label):
            return False, None
        labels.append(label)
        pos = d.end
    if not _DATELINE_FILLER.fullmatch(stripped[pos:]):
        return False, None
    # "Published 3 March | Updated 4 March": the publication date is the labelled one.
    for d, label in zip(dates, labels, strict=True):
        if _PUBLISHED_LABEL.search(label):
            return True, d.when
    unlabelled = [
        d for d, label in zip(dates, labels, strict=True) if not MODIFIED_LABEL.search(label)
    ]
    return True, unlabelled[0].when if unlabelled else None


def parse_iso(value: str) -> datetime | None:
    """A datetime from a meta tag (ISO 8601 or anything ``find_dates`` understands), in UTC."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        dates = find_dates(value)
        return dates[0].when if dates else None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# --- A page's publication time, from its markup -------------------------------------------------
#
# Only what the page declares about itself counts: its meta tags, JSON-LD, elements marked as
# the publication time, a labelled "Published:" or "Date" field, a <time> in the article's own
# header, a date segment of its <title>. Never a modification time, and never a date found in
# the body's prose ("the report, released on 12 March 2020, ..."): for an evidence page that
# declares no date, None is better than one lifted from the text.

# Meta tags that give the publication time, best first, by their property, name or itemprop
# (lower case). Never a modification time (article:modified_time, og:updated_time,
# dateModified, last-modified): a ClaimReview's datePublished must be when the claim was made.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.created",
    "dc.date.created",
    "date",
)
# Other meta names that say "publication date" in a site's own words.
_PUBLISHED_META_NAME = re.compile(
    r"(?:^|[_.:-])(?:date[_.-]?(?:original|published|publication|issued|posted|first)"
    r"|(?:original|published|publication|issued|posted|first)[_.-]?date)(?:$|[_.:-])"
)
# Elements marked as the publication time, after the meta tags and JSON-LD.
_PUBLISHED_ELEMENT_XPATHS = (
    "//*[@itemprop='datePublished']/@datetime",
    "//*[@itemprop='datePublished']/@content",
    "//time[@pubdate]/@datetime",
)
# An unmarked <time> counts only in the article itself (its header, before the text), never
# in a related-stories card, a comment or the page's sidebar.
_ARTICLE_TIME_XPATH = "//article//time | //header//time | //main//time"
_NOT_ARTICLE_MARK = re.compile(
    r"related|comment|sidebar|aside|teaser|card|recommend|promo|more-stories|footer|widget",
    re.IGNORECASE,
)
_NOT_ARTICLE_TAGS = frozenset({"aside", "footer", "nav"})
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_JSON_LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]+)"')
# Any JSON field naming a date that is not a modification time ("publishTime", "created_at",
# "dateCreated", "date"), for confirming another reader's answer.
_JSON_DATE_FIELD = re.compile(
    r'"(?P<key>[A-Za-z_]*(?:date|Date|publish|Publish|created|Created|issued|Issued)[A-Za-z_]*)"'
    r'\s*:\s*"(?P<value>[^"]{8,40})"'
)
# Attribute values (class, id, itemprop, meta name ...) that mark a modification time.
_MODIFIED_MARK = re.compile(r"updated|modified|last-?mod|revised", re.IGNORECASE)
_MARK_ATTRIBUTES = ("class", "id", "itemprop", "property", "name", "http-equiv")
_ISO_DAY = re.compile(r"\s*((?:19|20)\d{2}-[01]\d-[0-3]\d)")
# "<strong>Date</strong> 19.01.2020", "<span>Published:</span> <span>3 March 2021</span>",
# "<p>Posted on March 3, 2021</p>": a publication label alone in its element or in front of
# the date, in the markup (the HTML reader's text often leaves these fields out). Only inline
# and definition-list tags may come between: a table's "Date" column heading is not a label
# for the date in its first row.
_LABELLED_DATE = re.compile(
    r">\s*(?:date|published(?:\s+on)?|first\s+published|date\s+published|posted(?:\s+on)?"
    r"|publication\s+date)\s*:?\s*"
    r"(?:</?(?:strong|b|span|em|i|dt|dd|label|time|small)\b[^<>]{0,200}>\s*){0,3}"
    r"(?P<value>[^<>]{6,60}?)\s*<",
    re.IGNORECASE,
)
# A date in the page's URL: /2021/03/01/, /2021-03-01-, /20210301/.
_URL_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2([0-3]\d)(?!\d)",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•-]\s+|\s*\|\s*")


def published_from_markup(tree: Any, html: str) -> datetime | None:
    """The publication time the page's markup declares; never its modification time."""
    if tree is not None:
        metas: dict[str, list[str]] = {}
        for meta in tree.iter("meta"):
            for attribute in ("property", "name", "itemprop"):
                key = (meta.get(attribute) or "").strip().lower()
                if key:
                    metas.setdefault(key, []).append(meta.get("content") or "")
        for key in _PUBLISHED_META:
            for value in metas.get(key, ()):
                parsed = parse_iso(value)
                if parsed:
                    return parsed
        # A site's own name for it ("article_date_original", "publication-date"), after the
        # known names; never one that marks a modification.
        for key, values in metas.items():
            if _PUBLISHED_META_NAME.search(key) and not _MODIFIED_MARK.search(key):
                for value in values:
                    parsed = parse_iso(value)
                    if parsed:
                        return parsed
    for value in _JSON_LD_PUBLISHED.findall(html):
        parsed = parse_iso(value)
        if parsed:
            return parsed
    if tree is None:
        return None
    for xpath in _PUBLISHED_ELEMENT_XPATHS:
        for value in tree.xpath(xpath):
            parsed = parse_iso(str(value))
            if parsed:
                return parsed
    return _labelled_date(html) or _article_time(tree) or _title_date(tree)


def _labelled_date(html: str) -> datetime | None:
    for m in _LABELLED_DATE.finditer(html):
        is_dateline, when = parse_dateline(m.group("value"))
        if is_dateline and when:
            return when
    return None


def _article_time(tree: Any) -> datetime | None:
    for element in tree.xpath(_ARTICLE_TIME_XPATH):
        if is_modified_marker(element) or not _in_article(element):
            continue
        parsed = parse_iso(element.get("datetime") or "")
        if parsed:
            return parsed
    return None


def _in_article(element: Any) -> bool:
    for node in element.iterancestors():
        if node.tag in _NOT_ARTICLE_TAGS:
            return False
        if _NOT_ARTICLE_MARK.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return False
    return True


def _title_date(tree: Any) -> datetime | None:
    """A date that is a segment of its own in the page title: "Berlin ... | DW | 19.01.2020".
    A date inside the headline ("Council minutes 12 March 2020") is what it is about."""
    titles = [t.text_content() for t in tree.iter("title")][:1]
    titles += [m.get("content") or "" for m in tree.xpath("//meta[@property='og:title']")]
    for title in titles:
        for segment in _TITLE_SEPARATORS.split(title):
            is_dateline, when = parse_dateline(segment)
            if is_dateline and when:
                return when
    return None


def is_modified_marker(element: Any) -> bool:
    """Whether ``element`` (or its parent) marks a modification time, by its attributes or a
    label in front of it: <time itemprop="dateModified">, <span class="updated">,
    "Updated <time ...>"."""
    parent = element.getparent()
    for node in (element, parent):
        if node is not None and any(
            _MODIFIED_MARK.search(node.get(a) or "") for a in _MARK_ATTRIBUTES
        ):
            return True
    previous = element.getprevious()
    if previous is not None:
        label = previous.tail or ""
    else:
        label = (parent.text or "") if parent is not None else ""
    # The element's own leading text, not text_content(): this runs on every element of the
    # page, and "<span>Updated 3 March</span>" keeps its label there.
    return bool(
        MODIFIED_LABEL.search(label[-40:])
        or re.match(r"\s*(?:last\s+)?(?:updated|modified)\b", element.text or "", re.IGNORECASE)
    )


def _modified_days(tree: Any, html: str) -> set[date]:
    """Every day the page gives as a modification time, in UTC and as written."""
    values = _JSON_LD_MODIFIED.findall(html)
    if tree is not None:
        for element in tree.iter(etree.Element):
            if is_modified_marker(element):
                values.extend(
                    element.get(a) or "" for a in ("content", "datetime", "value", "title")
                )
                if isinstance(element, lxml.html.HtmlElement):
                    values.append(element.text_content()[:200])
    return _days(values)


def _days(values: list[str]) -> set[date]:
    days: set[date] = set()
    for value in values:
        parsed = parse_iso(value)
        if parsed:
            days.add(parsed.date())
        # "2021-03-03T23:30-05:00" is 4 March in UTC; htmldate answers with the day as written.
        written = _ISO_DAY.match(value)
        if written:
            with contextlib.suppress(ValueError):
                days.add(date.fromisoformat(written.group(1)))
    return days


def _declared_days(tree: Any, html: str, url: str) -> set[date]:
    """Every day the page's URL or metadata gives, other than a modification time: meta tag
    contents, JSON fields naming a date, the URL's /2021/03/01/."""
    urls = [url]
    values: list[str] = []
    if tree is not None:
        urls += [str(u) for u in tree.xpath("//link[@rel='canonical']/@href")]
        for meta in tree.iter("meta"):
            name = " ".join(meta.get(a) or "" for a in ("property", "name", "itemprop"))
            if name.strip() and not _MODIFIED_MARK.search(name):
                values.append(meta.get("content") or "")
                if "url" in name.lower():
                    urls.append(meta.get("content") or "")
    for m in _JSON_DATE_FIELD.finditer(html):
        if not _MODIFIED_MARK.search(m.group("key")):
            values.append(m.group("value"))
    days = _days(values)
    for address in urls:
        for year, _, month, day in _URL_DAY.findall(address or ""):
            with contextlib.suppress(ValueError):
                days.add(date(int(year), int(month), int(day)))
    return days


def confirmed_date(value: str | None, tree: Any, html: str, url: str = "") -> datetime | None:
    """Another reader's publication date (trafilatura's, from htmldate), if the page's URL or
    metadata states that day too and does not give it as a modification time.

    htmldate falls back to a modification date when it finds no other, and then to any date in
    the page's text ("released on 12 March 2020"), without saying which it did. A day the page
    declares (a meta tag we do not list, a JSON field, the URL) is kept; a day it only mentions
    is not. Any modification date of the same day drops it too: a page that declares only when
    it changed has no publication time we can trust, and None is better than a wrong one.
    """
    parsed = parse_iso(value or "")
    if parsed is None:
        return None
    written = _ISO_DAY.match(value or "")
    days = {parsed.date()} | ({date.fromisoformat(written.group(1))} if written else set())
    if days & _modified_days(tree, html):
        return None
    return parsed if days & _declared_days(tree, html, url) else None
