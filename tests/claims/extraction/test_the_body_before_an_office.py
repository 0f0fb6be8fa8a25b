"""The organisation written before an office ("Heathrow chief executive Thomas Woldbye"), named
for later references (2026-12-07, session 30; listed as still wrong in session 29, from a
runway story written there and again here).

"Heathrow chief executive Thomas Woldbye said ... The airport said the £14bn project would
create 100,000 jobs." was nobody's: only the person was remembered, not Heathrow. A country, a
nationality, a portfolio or a common word before the office names no organisation ("US envoy",
"Competition commissioner"), and a short form takes the longer name the page gave it.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_airport_is_the_body_named_before_its_chief() -> None:
    text = (
        "Heathrow chief executive Thomas Woldbye said plans would be submitted by the summer.\n\n"
        "The airport said the £14bn project would create 100,000 jobs."
    )
    assert speaker_of(text, "100,000 jobs") == "Heathrow"


def test_the_company_is_the_business_named_before_its_boss() -> None:
    text = (
        "Tesco chief executive Ken Murphy said food inflation was easing.\n\n"
        "The company said like-for-like sales rose 4.5% in the quarter."
    )
    assert speaker_of(text, "4.5%") == "Tesco"


def test_a_country_before_an_office_is_no_company() -> None:
    text = (
        "US envoy Steve Witkoff said talks would resume in Geneva.\n\n"
        "The company said sales rose 4.5% in the quarter."
    )
    assert speaker_of(text, "4.5%") == ""


def test_a_person_before_an_adviser_is_no_company() -> None:
    # review of session 30: "Trump adviser Stephen Miller" had made Trump "the company"
    text = (
        "President Donald Trump met tech leaders on Monday.\n\n"
        "Trump adviser Stephen Miller said tariffs would raise $600bn.\n\n"
        "The company said it would invest $500bn in US factories."
    )
    assert speaker_of(text, "$500bn") == ""
    alone = (
        "Trump adviser Stephen Miller said tariffs would raise $600bn.\n\n"
        "The company said it would invest $500bn in US factories."
    )
    assert speaker_of(alone, "$500bn") == ""
