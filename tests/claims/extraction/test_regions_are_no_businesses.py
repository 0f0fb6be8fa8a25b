"""A region a business operates in is no business (2026-12-07, session 30; Starbucks copy
written here).

Under "Starbucks to close 400 stores in North America", "The coffee chain, which has about
18,300 stores in the US and Canada, said ..." was North America's: the headline's region was
the one business candidate. A continent, a region or a country is never "the chain".
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_chain_is_never_the_region_in_the_headline() -> None:
    text = (
        "Starbucks to close 400 stores in North America\n\n"
        "The coffee chain, which has about 18,300 stores in the US and Canada, said the "
        "closures would cut its store count by 1%."
    )
    assert speaker_of(text, "18,300") != "North America"


def test_the_chain_is_the_business_named_near() -> None:
    text = (
        "Shares in Greggs fell 5% in Europe on Monday.\n\n"
        "The bakery chain said sales had slowed to 2.5% in the quarter."
    )
    assert speaker_of(text, "2.5%") == "Greggs"
