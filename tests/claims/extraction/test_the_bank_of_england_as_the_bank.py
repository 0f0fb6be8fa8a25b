""" "The Bank said" after "The Bank of England has held interest rates" (2026-12-07, session
33; a rates story written here).

A one-word organisation's word was read in full only as the end of a name named before ("The
Commission said": the European Commission); "the Bank" is the start of one ("Bank of England",
"Bank of Japan"). When no name ends with it, the one name that begins with it and "of" is
read; two such names leave it as written.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_bank_is_the_one_bank_of_a_country_named() -> None:
    text = (
        "The Bank of England has held interest rates at 5.25%. "
        "The Bank said it expected inflation to rise to about 2.5% later this year."
    )
    assert speaker_of(text, "2.5%") == "Bank of England"


def test_two_banks_of_countries_leave_it_as_written() -> None:
    text = (
        "The Bank of England and the Bank of Japan held rates. "
        "The Bank said it expected inflation to rise to about 2.5% later this year."
    )
    assert speaker_of(text, "2.5%") in {"Bank", ""}
