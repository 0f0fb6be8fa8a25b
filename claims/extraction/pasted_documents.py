"""The furniture of documents pasted as text rather than pages: an e-mail's header lines and
sign-off, a PDF's running header or footer with its page number. Applied by
claims.extraction.boilerplate."""

from __future__ import annotations

import re

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
