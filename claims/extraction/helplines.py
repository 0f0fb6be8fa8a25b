"""Helplines and appeals under a story: "If you or someone you know is struggling, call the
988 Suicide & Crisis Lifeline", "Samaritans can be contacted on 116 123", "Anyone with
information is asked to contact police, quoting log 0213" (moved out of widgets.py,
2026-12-08, as it reached 500 lines). Never a claim of the article (prompts.prompt_reason).
"""

from __future__ import annotations

import re

from claims.extraction.phones import phone_numbers
from claims.extraction.widgets import DIGIT

# One of these is in every helpline sentence with a number (HELPLINE_CUE, HELPLINE_NAME and
# SERVICE_CODE): a quick test before the regular expressions.
HELPLINE_WORDS = (
    *("call", "phone", "tel", "dial", "ring", "text", "sms", "contact", "reach", "line"),
    *("freephone", "toll", "samaritans"),
)


# Words that make a phone number a helpline or contact line rather than a figure.
HELPLINE_CUE = re.compile(
    r"\b(?:call(?:ing)?|phone|telephone|tel|dial|ring|text|sms|contact(?:ed)?|reach(?:ed)?)\b",
    re.IGNORECASE,
)


# Words that name a help service: with them a number "on", "at" or after a colon is its phone
# number ("Samaritans can be contacted on 116 123"), and "The hotline took 300 calls" is not.
HELPLINE_NAME = re.compile(
    r"\b(?:helplines?|hotlines?|lifelines?|crisis\s+(?:text\s+)?line|freephone|toll[- ]free"
    r"|samaritans)\b.{0,80}?(?:\b(?:on|at|number|call|dial|text)|:)\s*\(?\+?\d{3}",
    re.IGNORECASE,
)


# "call 999", "dial 911 or ...": a short emergency or service code after a calling verb.
SERVICE_CODE = re.compile(
    r"\b(?:call|dial|ring|text|phone)\s+(?:[A-Z]+\s+to\s+)?\d{3,6}(?=\s*(?:[.,;)!]|or\b|for\b"
    r"|and\b|$))",
    re.IGNORECASE,
)


# The help box under stories about suicide, abuse or addiction, whether or not it gives a number.
HELP_OFFER = re.compile(
    r"\bif\s+you(?:\s+or\s+someone\s+you\s+know)?\s+(?:are|is|have\s+been|need|feel|were)\s+"
    r"(?:struggling|affected|in\s+crisis|experiencing|having\s+(?:suicidal\s+)?thoughts"
    r"|thinking\s+(?:about|of)\s+suicide|feeling\s+suicidal|help|support)",
    re.IGNORECASE,
)


# A police appeal for witnesses: "She appealed for anyone with dashcam footage to contact the
# force, quoting log 0213 of 14 July", "Anyone with information is asked to get in touch".
POLICE_APPEAL = re.compile(
    r"\bquoting\s+(?:log|crime|incident|reference|ref\.?|case)\b"
    r"|\bappeal(?:ed|s|ing)?\s+for\s+anyone\s+(?:with|who)\b.{0,100}?\bto\s+(?:contact|call"
    r"|get\s+in\s+touch|come\s+forward)\b"
    r"|\banyone\s+(?:with|who)\b.{0,100}?\b(?:is|are)\s+(?:being\s+)?(?:asked|urged|encouraged)"
    r"\s+to\s+(?:contact|call|get\s+in\s+touch|come\s+forward)\b",
    re.IGNORECASE,
)


def is_helpline(s: str) -> bool:
    # Cheap tests first: this runs on every line and every sentence.
    lower = s.lower()
    if "if you" in lower and HELP_OFFER.search(s):
        return True
    if ("quoting" in lower or "anyone" in lower) and POLICE_APPEAL.search(s):
        return True
    if not DIGIT.search(s) or not any(word in lower for word in HELPLINE_WORDS):
        return False
    if SERVICE_CODE.search(s) or HELPLINE_NAME.search(s):
        return True
    return bool(HELPLINE_CUE.search(s)) and bool(phone_numbers(s))
