"""A forecast reported by someone, a nation's government described, and days listed before a
month (2026-12-07, session 28; Indian economy and Scottish strike copy written here).

"The Reserve Bank of India expects growth of 7.2% ..., governor Shaktikanta Das said" was the
bank's (the verb of forecasting came first); "The Scottish government said" kept "The" in its
speaker; "Schools will close on 12, 13 and 14 March" counted 12 as a figure.
"""

from __future__ import annotations

import pytest

from claims.extraction.quantities import find_quantities
from tests.claims.extraction_helpers import speaker_of


def test_who_said_it_before_who_forecast_it() -> None:
    text = (
        "The Reserve Bank of India expects growth of 7.2% for the full year, governor "
        "Shaktikanta Das said last month."
    )
    assert speaker_of(text, "7.2%") == "Shaktikanta Das"
    # a forecast with nobody reporting it stays the forecaster's
    text = "The Reserve Bank of India expects growth of 7.2% for the full year."
    assert speaker_of(text, "7.2%") == "Reserve Bank of India"


@pytest.mark.parametrize("nation", ["Scottish", "Irish"])
def test_a_nations_government_without_the(nation: str) -> None:
    text = f"The {nation} government said the 5% pay offer was fair."
    assert speaker_of(text, "5%") == f"{nation} government"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Schools will close on 12, 13 and 14 March, councils said.", []),
        ("Strikes are planned on March 12 and 14.", []),
        # a count right after a date stays a count
        ("On December 12, 13 people died in the floods.", [13.0]),
    ],
)
def test_days_listed_before_or_after_a_month_are_no_figures(
    sentence: str, figures: list[float]
) -> None:
    assert [q.value for q in find_quantities(sentence)] == figures
