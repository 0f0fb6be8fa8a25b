"""The furniture of documents pasted as text rather than pages: an e-mail's header lines and
sign-off, a PDF's running header or footer with its page number, a letter's signature (its
author). Applied by
claims.extraction.boilerplate."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extraction.bylines import BYLINE_NAME
from claims.extraction.given_names import first_name_genders
from claims.extraction.headings import word_count
from claims.extraction.line_spans import LineSpan
from claims.extraction.speaker_types import PERSON, speaker_type

EMAIL_SUBJECT_LABEL = "e-mail subject label"
# An e-mail's header lines above its text: "From: Press Office <press@...>", "Sent: 04 March".
EMAIL_HEADER = re.compile(r"(?:from|sent|to|cc|bcc|date|reply-to)\s*:\s*\S", re.IGNORECASE)
# Its subject line's labels, before the subject itself: "Subject: EMBARGOED: Knife crime
# figures", "Subject: Re: Fwd: ...".
EMAIL_SUBJECT = re.compile(
    r"subject\s*:\s*(?:(?:re|fwd?|embargoed(?:\s+until\s+[^:]{1,40})?)\s*:\s*)*", re.IGNORECASE
)
# A sign-off on a line of its own, after which comes only who signed: "Kind regards,".
SIGN_OFF = re.compile(
    r"(?:(?:kind|best|warm|warmest|with\s+best|many)\s+)?(?:regards|wishes|thanks)"
    r"|yours\s+(?:sincerely|faithfully)|sincerely",
    re.IGNORECASE,
)
# A page's running header or footer: "Annual Report 2024      Page 3", "Page 4 of 12".
PAGE_MARK = re.compile(
    r"(?:.*\S(?:\s{2,}|\s*\|\s*))?page\s+\d{1,4}(?:\s+of\s+\d{1,4})?", re.IGNORECASE
)


def is_sign_off(line: str, at: int, length: int) -> bool:
    """Whether ``line``, at ``at`` in a text of ``length``, is a letter's or an e-mail's
    sign-off ("Kind regards,", "Best wishes"): in the text's last 40%, and with its comma or of
    two words or more (a lone "Thanks." may answer a question in an interview)."""
    words = line.split()
    if len(words) > 4 or at < 0.6 * length or not (line.endswith(",") or len(words) >= 2):
        return False
    return bool(SIGN_OFF.fullmatch(line.rstrip(",.!")))


SIGNATURE = "signature"
_SHORT_LINE_WORDS = 10  # a signer's role or town under the name: "Managing director, Bristol"


def signature(text: str, lines: Sequence[LineSpan]) -> tuple[list[int], str]:
    """A letter's or a statement's closing signature: its lines' indexes among ``lines`` and
    the signer, or ([], "") when the text does not close so. The signature is a person's name
    alone on the last kept line, or on the one before it with a short line under it that is no
    sentence (their role or town: "Sarah Whitfield" / "Managing director, Whitfield Design,
    Bristol"), after two kept lines or more, in the text's last 40%."""
    kept = [i for i, line in enumerate(lines) if not line.dropped]
    for signed in (kept[-1:], kept[-2:]):  # the name last, or over a role or a town
        if len(kept) < len(signed) + 2:
            break  # two kept lines or more before the signature
        name = text[lines[signed[0]].start : lines[signed[0]].end]
        under = [text[lines[i].start : lines[i].end] for i in signed[1:]]
        if (
            lines[signed[0]].start >= 0.6 * len(text)
            and _is_signer(name)
            and all(
                word_count(u) <= _SHORT_LINE_WORDS and not u.endswith((".", "!", "?"))
                for u in under
            )
        ):
            return signed, name
    return [], ""


def _is_signer(line: str) -> bool:
    """Whether ``line`` is a person's name alone (two to four words, a given name or a title
    first)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not BYLINE_NAME.fullmatch(line):
        return False
    first = words[0].lower().rstrip(".")
    return speaker_type(line) == PERSON and (
        first in first_name_genders() or first in {"dr", "prof", "sir", "dame"}
    )
