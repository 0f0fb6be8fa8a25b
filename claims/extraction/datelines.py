"""Datelines opening a wire story's first paragraph, whose text comes after them: "NEW YORK,
March 4, 2024 /PRNewswire/ -- ", "BRUSSELS (Reuters) - ", "New Delhi, Jan 12 (PTI) ", "NEW
DELHI: ", "MOSCOW, December 5. /TASS/. " (claims.extraction.line_reasons reads them)."""

from __future__ import annotations

import re

# A date opening the first paragraph, with the place and the wire before or after it: "NEW
# YORK, March 4, 2024 /PRNewswire/ -- ", "Mar 4, 2024 — ". The date part must read as a dateline
# (dates.parse_dateline) for the prefix to be one. A date alone ("Mar 4, 2024 — ") only before
# the body starts: further down it dates an entry of a timeline.
DATED_PREFIX = re.compile(
    r"^(?:(?P<place>[A-Z]{3,}[A-Z'.-]*(?:[ /]+[A-Z]{2,}[A-Z'.-]*){0,3}),\s*"
    # its state or country: "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ -- " (not a month)
    r"(?:(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2},\s*)?)?"
    r"(?P<date>[A-Za-z0-9][A-Za-z0-9 ,.:]{5,45}?)\s*"
    r"(?:/(?P<agency>[A-Za-z][A-Za-z .&-]{1,30})/\s*|\((?P<wire>[A-Za-z][A-Za-z .&-]{1,30})\)\s*)?"
    r"(?:-{1,2}|–|—)\s+(?=\S)"
)

# "NEW DELHI: " opening the first paragraph, as Indian outlets and PTI write the dateline. A
# transcript's first label looks the same ("WALLACE: "), so the pipeline reads it only in a text
# that is no transcript (claims.extraction.transcripts).
COLON_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z.'-]*(?:[ /][A-Z]{2,}[A-Z.'-]*){0,2}:[ \t]+(?=[A-Z“\"‘'])"
)

# "New Delhi, Jan 12 (PTI) " opening the first paragraph, as Indian wires write it: a place in
# small letters, a day without its year and the agency, then the text with no dash.
WIRE_DATELINE = re.compile(
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+"
    r"\((?P<agency>PTI|IANS|ANI|UNI|Reuters|AP|AFP|Xinhua|Bernama|Yonhap)\)(?P<wire>)"
    r"\s*[-–—:]?\s+(?=[A-Z“\"‘'])"
)

# "BRUSSELS (Reuters) - ", "NEW YORK — " or "(CNN) -- " opening a wire story's first paragraph.
DATELINE_PREFIX = re.compile(
    r"^(?:(?P<place>[A-Z]{3,}[A-Z'.-]*(?:[ /]+[A-Z]{2,}[A-Z'.-]*){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}(?=\s*[(—–-]))?"  # ", Ukraine", ", N.Y."
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\))?"
    r"|\((?P<wire>[A-Z][A-Za-z.&]*(?:\s[A-Z][A-Za-z.&]*){0,2})\))"
    r"\s*(?:-{1,2}|–|—)\s+(?=\S)"
)

# "MOSCOW, December 5. /TASS/. " opening the first paragraph, as TASS writes the dateline: a
# place in capitals, the day (no year), the agency between slashes.
SLASHED_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z'.-]*(?:[ -][A-Z]{2,}[A-Z'.-]*){0,2},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s+"
    r"/(?P<agency>[A-Za-z][A-Za-z .&-]{1,20})/(?P<wire>)\.?\s+(?=[A-Z“\"‘'])"
)


# "SAN FRANCISCO--(BUSINESS WIRE)--" opening the first paragraph, as Business Wire writes the
# dateline: the place, the wire in brackets between double dashes, no date.
DASHED_WIRE_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z'.-]*(?:[ /]+[A-Z]{2,}[A-Z'.-]*){0,3}(?:,\s*[A-Z][A-Za-z.]+){0,2}"
    r"\s*-{1,2}\s*\((?P<agency>BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|PR\s?NEWSWIRE|ACCESSWIRE)\)"
    r"(?P<wire>)\s*-{1,2}\s*(?=\S)"
)
