"""Finding publication dates in datelines (a page's markup: claims.extraction.markup_dates).

Every datetime returned here is timezone-aware and in UTC. A date written without a zone
("15 Feb, 2021 11:59") is taken to be UTC: the text gives us nothing better, and storing a
naive datetime would make the Django side guess later with less information. A date without a
time is midnight UTC of that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    r"(?:,?\s*(?:at\s+|[-|–—/]\s*)?"
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    rf"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>{_ZONE_NAMES})\)?(?![a-z]))?)?"
)

# The time before the date: "12:05 BST, 5 March 2021", "11:59 AM EST, Mon February 15, 2021".
_TIME_FIRST = (
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    # "3:10 PM PDT · October 2, 2024": a dot or a bar between them too
    rf"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>{_ZONE_NAMES})\)?(?![a-z]))?\s*[,·•|]?\s+"
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
        rf"(?<![\d.]){_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}(?![\d.]\d){_TIME}",
        # 25/03/2024 and 03/25/2024: slashes only where one part is over 12 (01/02/2020 is
        # January in the US and February elsewhere: no date)
        rf"(?<![\d/])(?P<slashed>[0-3]?\d/[0-3]?\d)/{_YEAR}(?![\d/]){_TIME}",
        rf"(?<![\d:.]){_TIME_FIRST}{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
        rf"(?<![\d:.]){_TIME_FIRST}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    )
)

# Words that may surround a date on a dateline without making it a sentence. Possessive (no
# backtracking into it): every short line is tried, and "at at at ... x" must fail at once.
_DATELINE_FILLER = re.compile(
    r"(?:published|updated|last\s+updated|(?:first|originally)\s+published|last\s+modified"
    r"|modified|posted|released|release|issued|publication|of"
    r"|date|on|at|and|[|:,;\-–—·•/()]|\s)*+",
    re.IGNORECASE,
)
_UNREAD_SLASHED_DATELINE = re.compile(
    rf"{_DATELINE_FILLER.pattern}[0-3]?\d/[0-3]?\d/(?:19|20)\d{{2}}{_DATELINE_FILLER.pattern}",
    re.IGNORECASE,
)
_RELATIVE_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:published|posted|released|issued|(?:release|publication)\s+date)\s*(?:on)?\s*:?\s*$",
    re.IGNORECASE,
)
# A date after one of these is when the article last changed, never when it was published.
# Public: the HTML reader uses it for the label in front of a <time> element.
MODIFIED_LABEL = re.compile(
    r"\b(?:updated|modified)\s*(?:on|at)?\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)


# An outlet's name after the date and a separator: "March 12, 2024 / 9:41 AM EDT / CBS News".
_OUTLET_AFTER = re.compile(r"\s*[/|]\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*")

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
    if groups.get("slashed"):
        first, second = (int(part) for part in groups["slashed"].split("/"))
        if (first > 12) == (second > 12):
            return None  # "12/03/2024": day and month cannot be told apart
        groups["day"], groups["monthnum"] = (
            (str(first), str(second)) if first > 12 else (str(second), str(first))
        )
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
        # "Published: 12/03/2024": a dateline whose day and month cannot be told apart
        return bool(_UNREAD_SLASHED_DATELINE.fullmatch(stripped)), None
    labels: list[str] = []  # the text between the previous date (or the start) and each date
    pos = 0
    for d in dates:
        label = stripped[pos : d.start]
        if not _DATELINE_FILLER.fullmatch(label):
            return False, None
        labels.append(label)
        pos = d.end
    tail = stripped[pos:]
    if not _DATELINE_FILLER.fullmatch(tail) and not _OUTLET_AFTER.fullmatch(tail):
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
