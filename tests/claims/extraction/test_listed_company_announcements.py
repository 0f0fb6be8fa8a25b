"""A listed company's announcement on its exchange (2026-12-07, session 29; a results statement
written here in the shape of one).

"Acme plc (LSE: ACME) today announces its results ..." and its highlights ("Revenue up 12% to
£1.24bn") were nobody's: only a wire's tag made a text a press release, whose issuer speaks
every sentence that names nobody else. A ticker in brackets after the company's name before
"today announces" does too, the company the issuer.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

RESULTS = """Acme plc: Full year results

Acme plc (LSE: ACME) today announces its results for the year ended 31 December 2024.

Highlights
- Revenue up 12% to £1.24bn (2023: £1.11bn)
- Adjusted operating profit of £186m, up 15%

Jane Doe, Chief Executive, said: "2024 was a record year for Acme."
"""


def test_the_company_says_its_highlights() -> None:
    assert speaker_of(RESULTS, "£1.24bn") == "Acme plc"
    assert speaker_of(RESULTS, "£186m") == "Acme plc"


def test_its_chief_executive_still_speaks_for_herself() -> None:
    assert speaker_of(RESULTS, "record year") == "Jane Doe"


def test_a_ticker_in_a_news_story_makes_no_release() -> None:
    text = (
        "Shares in Acme plc (LSE: ACME) fell 5% after the company issued a profit warning.\n\n"
        "Analysts said revenue would fall to £1bn."
    )
    assert speaker_of(text, "£1bn") == ""
