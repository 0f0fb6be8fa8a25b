"""An e-mail and a PDF's pages pasted as text (2026-12-07, session 29; a press office's e-mail
and a charity's annual report written here).

The e-mail's "From:", "Sent:", "To:" lines were units and "From: Press Office <...>" its title;
"Subject: EMBARGOED: Knife crime figures" kept its labels; "Kind regards, / Press Office / Home
Office" were units; and "according to figures published today by the Office for National
Statistics" was "today by the Office"'s. The report's running header ("Annual Report 2024
Page 3") was a unit and the page's title.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

EMAIL = """From: Press Office <press@example.gov.uk>
Sent: 04 March 2025 09:12
To: Newsdesk
Subject: EMBARGOED: Knife crime figures

Knife crime in England and Wales fell by 5% in the year to September, according to figures \
published today by the Office for National Statistics.

Kind regards,
Press Office
Home Office
"""

REPORT = """Annual Report 2024                                        Page 3

Chief Executive's statement

In 2024 the charity helped 1.2 million people, up from 900,000 in 2023.

Annual Report 2024                                        Page 4
"""


def test_an_emails_headers_and_sign_off_are_no_units() -> None:
    extraction = extract(read_text(EMAIL))
    texts = " ".join(s.text for s in extraction.sentences)
    for furniture in ("From:", "Sent:", "To: Newsdesk", "regards", "Home Office"):
        assert furniture not in texts
    assert extraction.document.title == "Knife crime figures"


def test_published_today_by_names_the_source() -> None:
    assert speaker_of(EMAIL, "5%") == "Office for National Statistics"


def test_a_pdfs_running_header_is_no_unit() -> None:
    extraction = extract(read_text(REPORT))
    assert not [s for s in extraction.sentences if "Page" in s.text]
    assert "Page" not in extraction.document.title


def test_a_lone_thanks_in_an_interview_closes_nothing() -> None:
    # review of session 29: a sign-off drops what follows it, so it must look like one
    text = (
        "Interview with the minister\n\n"
        "The minister said 4,000 homes would be built this year in the region.\n\n"
        "Thanks.\n\n"
        "The minister added that 1,200 of them would be social housing.\n"
    )
    assert [s for s in extract(read_text(text)).sentences if "1,200" in s.text]
