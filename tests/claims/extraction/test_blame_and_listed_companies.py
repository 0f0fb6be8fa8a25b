"""Speakers found by reading short articles written for the tests in the styles of business,
court and regulatory news (2026-12-07, session 25): a claim made with "blamed" or "accused"
(no quotation needed), the company whose shares a sentence names, and passives with a word
between "was" and the verb."""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

RETAILER = """Retailer profits fall

Shares in Kingfisher fell 4% after the retailer reported a 12% drop in first-half profit.

Chief executive Thierry Garnier blamed weaker consumer spending in France and Poland.

He warned that the second half would be tougher still.
"""


def test_blamed_makes_the_claim_its_subjects() -> None:
    # Was nobody's: "blamed" attributed only before a quotation.
    assert speaker_of(RETAILER, "blamed weaker consumer spending") == "Thierry Garnier"
    assert speaker_of(RETAILER, "tougher still") == "Thierry Garnier"


def test_accused_makes_the_claim_its_subjects() -> None:
    text = (
        "Bribery case\n\nThe company's former auditor, Maria Lindqvist, accused the board of "
        "hiding losses of $40 million from investors.\n"
    )
    assert speaker_of(text, "hiding losses") == "Maria Lindqvist"


def test_the_company_whose_shares_fell_is_the_retailer() -> None:
    # Was nobody's: a company named only after "Shares in" was no candidate for "the retailer"
    # (and the headline's "Retailer" was taken for a name).
    assert speaker_of(RETAILER, "reported a 12% drop") == "Kingfisher"


def test_shares_in_a_company_name_it_for_a_later_sentence() -> None:
    text = (
        "Markets\n\nShares in Ocado rose 9% on Tuesday.\n\n"
        "The online grocer said sales grew 14% in the quarter.\n"
    )
    assert speaker_of(text, "sales grew 14%") == "Ocado"


BRIBERY = """Bribery case

The former mayor, accused of fraud in 2019, was acquitted on all charges.

Ana Torres was also accused of taking bribes from developers.

He was accused by his business partner of forging documents.

The crash was blamed on black ice.
"""


def test_accused_and_blamed_in_a_passive_name_nobody() -> None:
    assert speaker_of(BRIBERY, "acquitted on all charges") == ""
    # Was Ana Torres: "also" between "was" and the verb hid the passive.
    assert speaker_of(BRIBERY, "taking bribes") == ""
    assert speaker_of(BRIBERY, "forging documents") == ""
    assert speaker_of(BRIBERY, "black ice") == ""


def test_a_headline_word_is_no_company() -> None:
    # "Retailer" opening the headline is the word, not a company: with it a candidate, "the
    # retailer" had two to choose from.
    text = (
        "Retailer warns on profits\n\nShares in Currys fell 6% on Thursday.\n\n"
        "The retailer said Christmas trading had been weak.\n"
    )
    assert speaker_of(text, "Christmas trading") == "Currys"


def test_rejecting_a_criticism_is_a_statement() -> None:
    # Was nobody's: "rejected" reported nothing.
    text = (
        "Housing\n\nHousing Secretary Angela Rayner rejected the criticism. She told MPs the "
        'government was "on track".\n'
    )
    assert speaker_of(text, "rejected the criticism") == "Angela Rayner"
    text = "Refinery\n\nShell disputed the claims and said it had followed the rules.\n"
    assert speaker_of(text, "disputed the claims") == "Shell"


def test_rejecting_a_bill_or_a_case_reports_nothing() -> None:
    assert speaker_of("Senate\n\nThe Senate rejected the bill 52-48 on Tuesday.\n", "bill") == ""
    text = "Court\n\nJudge Sarah Kent dismissed the case against the four men.\n"
    assert speaker_of(text, "dismissed the case") == ""
