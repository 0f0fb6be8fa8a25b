"""A business described by the stock index it is in (2026-12-07, session 30; Unilever results
copy written here).

"The FTSE 100 company, which owns Dove and Magnum, said the cuts would save about €800
million" was nobody's: the index's number stopped the reading of the description.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_ftse_100_company_is_the_business_named_before() -> None:
    text = (
        "Unilever will cut 7,500 jobs worldwide, the consumer goods giant said on Tuesday.\n\n"
        "The FTSE 100 company, which owns Dove and Magnum, said the cuts would save about €800 "
        "million over three years."
    )
    assert speaker_of(text, "€800") == "Unilever"


def test_a_number_alone_before_the_noun_is_no_index() -> None:
    text = (
        "Unilever will cut 7,500 jobs worldwide.\n\n"
        "The 40 companies said the cuts would save about €800 million."
    )
    assert speaker_of(text, "€800") == ""
