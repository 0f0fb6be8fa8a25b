"""Phone numbers, so that neither a quantity nor a claim is read from one: number-shaped
("1-800-273-8255", "020 7946 0958", "(800) 273-8255", "+44 20 7946 0958") and any number
someone is told to call or text ("call 999", "text HOME to 741741", "Samaritans on 116 123").
claims.extraction.quantities skips their digits; the helpline filter (widgets) looks for them.
"""

from __future__ import annotations

import re

# A phone number: three or more digit groups ("1-800-273-8255", "020 7946 0958"), an area code
# in brackets ("(800) 273-8255") or a country code ("+44 20 7946 0958"). ``is_phone_number``
# rules out "1 600 000" (thousands separated by spaces) and dotted dates.
PHONE_NUMBER = re.compile(
    r"(?<![\w.,+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?"
    r"\d{1,5}(?:[ .-]\d{2,5}){1,4}(?![\w,]|\.\d)"
)
_PHONE_GROUPS = re.compile(r"\d+")
# What every phone number has: three digit groups, a country code or an area code in brackets.
_PHONE_HINT = re.compile(r"\d[ .-]\d+[ .-]\d|\+\d|\(\d")
_CALL_WORDS = ("call", "dial", "ring", "phone", "text", "line", "samaritans", "contact")
# A number after a calling verb or a help service's name, ending the phrase: "call 999 or 112",
# "text HOME to 741741", "Samaritans can be contacted on 116 123". "call 300 families" is not.
_CALL_NUMBER = re.compile(
    r"(?:\b(?:call(?:ing)?|dial(?:ling)?|ring|phone|text(?:ing)?(?:\s+[A-Z]+)?\s+to)"
    r"|\b(?:helplines?|hotlines?|lifelines?|samaritans|contact(?:ed)?)\b[^.;\d]{0,60}?\b(?:on|at))"
    r"\s+(?P<number>\+?\(?\d[\d ()-]{0,18}\d)"
    r"(?=\s*(?:$|[.,;:)!?]|(?:or|and|for|to|if|from|in|now|free)\b))",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def is_phone_number(s: str) -> bool:
    """Whether ``s``, matched by PHONE_NUMBER, is a phone number rather than a spaced-out
    thousands figure ("1 600 000") or a date ("2021-02-15", "15.02.2021")."""
    groups = _PHONE_GROUPS.findall(s)
    digits = sum(len(g) for g in groups)
    if s.startswith("+") or "(" in s:
        return digits >= 7
    if len(groups) < 3 or digits < 7:
        return False
    if all(len(g) == 3 for g in groups[1:]) and " " in s and "-" not in s:
        return False  # "1 600 000"
    if len(groups) == 3:
        # 2021-02-15 or 15.02.2021: a year at one end, day and month of one or two digits.
        year, rest = (groups[0], groups[1:]) if len(groups[0]) == 4 else (groups[2], groups[:2])
        if year[:2] in ("19", "20") and len(year) == 4 and all(len(g) <= 2 for g in rest):
            return False
    return True


def phone_numbers(s: str) -> list[tuple[int, int]]:
    """Spans of the phone numbers in ``s``: number-shaped ones, and any number someone is told
    to call or text ("call 999", "text HOME to 741741", "Samaritans on 116 123")."""
    # Cheap tests first: this runs on every sentence with a digit.
    if not _DIGIT.search(s):
        return []
    spans = []
    if _PHONE_HINT.search(s):
        spans = [m.span() for m in PHONE_NUMBER.finditer(s) if is_phone_number(m.group())]
    lower = s.lower()
    if any(word in lower for word in _CALL_WORDS):
        spans.extend(m.span("number") for m in _CALL_NUMBER.finditer(s))
    return sorted(set(spans))
