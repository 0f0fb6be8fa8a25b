"""Figures written with their unit glued on, as news writes measures: "40C", "104F", "155p a
litre", "40km", "12kg", "200g", "70mph", "2GW", "100Mbps", "45m high", "55mpg", "150 µg/m³", "45 sq
m"; and the picture formats that look like one
("4K", "8K"), which are no thousands (claims.extraction.quantities reads the rest)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extraction.lexicon import word_set

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "temperatures could reach 40C": a temperature written with its scale glued on.
_GLUED_TEMPERATURE = re.compile(r"(?<![\w.,-])(?P<num>-?\d{1,3}(?:\.\d{1,2})?)(?P<scale>[CF])\b")
# "155p a litre", "3p": British prices in pence, glued on. Not a video's lines ("720p").
_GLUED_PENCE = re.compile(r"(?<![\w.,£$€-])(?P<num>\d{1,3}(?:\.\d{1,2})?)p\b(?![-’'])")
_VIDEO_LINES = frozenset({"144", "240", "360", "480", "576", "720"})
_MEASURE_UNITS = (
    r"km/h|km|kg|cm|mm|ml|mg|ms|mph|kph|ft|kWh|MWh|GWh|TWh|kW|MW|GW|Mbps|Gbps|GHz|MHz|GB|TB|MB"
    r"|g|lbs|lb|oz"  # "a 200g pack", "a 2lb bag", "8oz": small "g" (the network is "5G")
)
# Measures written with their symbol glued on, exactly as the symbol is written ("2GW", not
# "2gw"; "m" is left out: "3.5m" is millions in British news).
_GLUED_MEASURE = re.compile(
    rf"(?<![\w.,£$€-])(?P<num>{_DIGITS})"
    rf"(?P<unit>{_MEASURE_UNITS})(?![\w/])"
    r"(?!\s+(?:[Rr]adio|FM|AM)\b)"  # "she told 2GB radio": a station's name
)

_GLUED_BASIS_POINTS = re.compile(r"(?<![\w.,£$€-])(?P<num>\d{1,3}(?:\.\d)?)bps?\b")
_NETWORK_AFTER = re.compile(
    r"[ -](?:networks?|phones?|signals?|coverage|masts?|data|services?|speeds?|connections?)\b"
)

# "minus 12C": the sign in words.
_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.IGNORECASE)
# Units a sign in words may turn below zero: "minus 12 degrees", "a rate of minus 0.1%".
_SIGNED_UNITS = ("degree", "percent", "°")
# The track and pool's distances, glued on: "the 100m", "400m hurdles", "ran 100m in 9.58
# seconds", "1500m freestyle" (not a hundred million: no distance event counts millions).
_TRACK_DISTANCE = re.compile(
    r"(?:(?<=\bthe )|(?<=\bran )|(?<=\bswam )|(?<=\bwon )|(?<![\w.,£$€-]))"
    r"(?P<num>100|200|400|800|1,?500|3,?000|5,?000|10,?000)m"
    r"(?=\s+(?:hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|final|sprint"
    r"|race|title|record|heats?|semi-finals?|steeplechase|in\s+\d)\b"
    r"|(?<=\bthe \d{3}m)(?![\w-])|(?<=\bthe \d{4}m)(?![\w-]))"
)
# Metres glued on only where a dimension or a height follows ("45m high", "a 300m-long tunnel",
# "lava 50m into the air", "30m above sea level"): "3.5m" alone is millions in British news.
_DIMENSION_AFTER = (
    r"(?=[ -](?:high|tall|long|wide|deep|thick|across)\b"
    r"| (?:into the (?:air|sky)|(?:above|below) (?:sea level|(?:the )?ground|the surface)"
    r"|beneath|underground|underwater)\b)"
)
_GLUED_METRES = re.compile(rf"(?<![\w.,£$€-])(?P<num>{_DIGITS})m{_DIMENSION_AFTER}")
# Inches glued on where a screen or a wheel follows ("a 6.2in screen", "a 55in TV"): "in"
# after a digit is otherwise the word "in".
_GLUED_INCHES = re.compile(
    rf"(?<![\w.,£$€-])(?P<num>{_DIGITS})in(?=[ -](?:screens?|displays?|TVs?|televisions?"
    r"|monitors?|laptops?|tablets?|wheels?|phones?|iPads?)\b)"
)
# Units written with a symbol a word reader cannot take, glued on or after a space: "150
# µg/m³", "120g/km", "55mpg", "45 sq m", "2,000 km²".
_SYMBOL_UNITS = {
    "µg/m³": "µg/m³",
    "μg/m³": "µg/m³",
    "µg/m3": "µg/m³",
    "mg/m³": "mg/m³",
    "g/km": "g/km",
    "mpg": "mpg",
    "sq m": "square metres",
    "sq ft": "square feet",
    "sq km": "square kilometres",
    "sq mi": "square miles",
    "m²": "square metres",
    "km²": "square kilometres",
}
_SYMBOL_MEASURE = re.compile(
    rf"(?<![\w.,£$€-])(?P<num>{_DIGITS})[ \t]?"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in sorted(_SYMBOL_UNITS, key=len, reverse=True))})"
    r"(?![\w/])"
)

_METRES_MARK = re.compile(r"\dm[ -]")

# A height or a weight in two imperial units, read as one figure in the smaller: "5ft 10in" is
# 70 inches, "15st 4lb" 214 lb (not 5 ft, nor 15 and 4 of nothing).
_FEET_AND_INCHES = re.compile(
    r"(?<![\w.,£$€-])(?P<big>\d{1,2})\s?(?:ft|feet|foot)\s?(?P<small>\d{1,2})\s?(?:in|inches)\b"
)
_STONES_AND_POUNDS = re.compile(
    r"(?<![\w.,£$€-])(?P<big>\d{1,2})\s?(?:st|stone)\s?(?P<small>\d{1,2})\s?(?:lb|lbs)\b"
)
# (pattern, smaller units in the bigger, the unit, marks a text must hold to be searched)
_IMPERIAL_PAIRS = (
    (_FEET_AND_INCHES, 12, "inches", ("ft", "feet", "foot")),
    (_STONES_AND_POUNDS, 14, "lb", ("lb",)),
)

# A range whose upper end has its unit glued on: "50-70mm", "30-35C", "60-70mph", "5-10p".
_GLUED_RANGE = re.compile(
    rf"(?<![\w.,£$€-])(?P<low>{_DIGITS})[-–](?P<num>{_DIGITS})"
    rf"(?:(?P<unit>{_MEASURE_UNITS})(?![\w/])|(?P<scale>[CF])\b|p\b(?![-’'])"
    rf"|(?P<metres>m){_DIMENSION_AFTER})"
)


def glued_quantities(text: str) -> Iterator[tuple[float, str, int, int]]:
    """(value, unit, start, end) of each figure in ``text`` with a unit glued on; a range
    ("50-70mm", "30-35C") from its lower end, as claims.extraction.quantities reads "25-30
    people"."""
    for m in _GLUED_TEMPERATURE.finditer(text):  # "40C", "104F": British and US news style
        minus = _MINUS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if minus:  # "minus 12C"
            yield -float(m.group("num")), f"°{m.group('scale')}", minus.start(), m.end()
        else:
            yield float(m.group("num")), f"°{m.group('scale')}", m.start(), m.end()
    # Each rarer form is looked for only where a cheap test finds its mark (this runs on every
    # sentence): "00m" for a race, a digit before "m " or "m-", a symbol for the rest.
    for pattern, per_big, unit, marks in _IMPERIAL_PAIRS:
        if not any(mark in text for mark in marks):
            continue
        for m in pattern.finditer(text):  # "He is 5ft 10in tall", "weighs 15st 4lb"
            value = int(m.group("big")) * per_big + int(m.group("small"))
            yield float(value), unit, m.start(), m.end()
    if "00m" in text:
        for m in _TRACK_DISTANCE.finditer(text):  # "He ran 100m in 9.58 seconds"
            yield float(m.group("num").replace(",", "")), "metres", m.start(), m.end()
    for m in _GLUED_PENCE.finditer(text):
        if m.group("num") not in _VIDEO_LINES:
            yield float(m.group("num")), "pence", m.start(), m.end()
    if "bp" in text:
        for m in _GLUED_BASIS_POINTS.finditer(text):  # "cut by 25bps", "a 50bp rise"
            yield float(m.group("num")), "basis points", m.start(), m.end()
    for m in _GLUED_MEASURE.finditer(text):
        if m.group("unit") == "g" and _NETWORK_AFTER.match(text, m.end()):
            continue  # "the 4g network": a mobile network's generation, in small letters
        yield float(m.group("num").replace(",", "")), m.group("unit"), m.start(), m.end()
    if _METRES_MARK.search(text):
        for m in _GLUED_METRES.finditer(text):
            yield float(m.group("num").replace(",", "")), "metres", m.start(), m.end()
    if "in " in text or "in-" in text:
        for m in _GLUED_INCHES.finditer(text):
            yield float(m.group("num").replace(",", "")), "inch", m.start(), m.end()
    if "/" in text or "sq " in text or "mpg" in text or "²" in text or "³" in text:
        for m in _SYMBOL_MEASURE.finditer(text):
            unit = _SYMBOL_UNITS[m.group("unit")]
            yield float(m.group("num").replace(",", "")), unit, m.start(), m.end()
    for m in _GLUED_RANGE.finditer(text):
        low, high = (float(m.group(g).replace(",", "")) for g in ("low", "num"))
        if low < high:  # not a score ("5-4C" is no range)
            unit = m.group("unit") or (f"°{m.group('scale')}" if m.group("scale") else "pence")
            unit = "metres" if m.group("metres") else unit  # "20-25m high waves"
            yield low, unit, m.start(), m.end()


# "two 4K displays", "8K video": a picture format's name, not four thousand of anything.
_PICTURE_NOUNS = word_set("""
    display displays screen screens tv tvs television televisions video videos resolution
    camera cameras monitor monitors footage streaming content projector projectors panel panels
    ultra uhd hdr""")
_NEXT_WORD = re.compile(r"\s+(?P<word>[A-Za-z]+)")
# A picture format opening what was counted ("two 4K displays"), when a noun follows it.
PICTURE_FORMAT = re.compile(r"\s+(?P<word>[1-9]\d?K)(?=\s+[A-Za-z])")


def is_video_format(text: str, m: re.Match[str]) -> bool:
    """Whether a figure is "4K" or "8K" naming a picture format (a capital K glued to a small
    whole number, a picture noun after it)."""
    if m.group("abbr") != "K" or not m.group("num").isdigit() or int(m.group("num")) > 16:
        return False
    following = _NEXT_WORD.match(text, m.end())
    return bool(following) and following.group("word").lower() in _PICTURE_NOUNS


def signed(text: str, value: float, unit: str, start: int) -> tuple[float, int]:
    """``value`` and its ``start``, below zero from "minus" on when the word stands before a
    temperature or a rate written out ("minus 12 degrees", "minus 0.1%"); as they were after a
    figure ("72 minus 5") or in a margin of error ("plus or minus 3 percent")."""
    if (
        value <= 0
        or start < 6
        or text[start - 6 : start].lower() != "minus "
        or not unit.startswith(_SIGNED_UNITS)
    ):
        return value, start
    before = text[: start - 6].rstrip().lower()
    if before[-1:].isdigit() or before.endswith(("plus or", "+/-", "±")):
        return value, start
    return -value, start - 6
