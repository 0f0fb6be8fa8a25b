""" "The regulator said" after two regulators named together (2026-12-07, session 32; listed as
still wrong in session 31).

"Barclays has been fined £40m by the Financial Conduct Authority and the Bank of England ...
The regulator said" was the Bank of England's, the body named last: which of the two spoke, the
text does not say, as for "Kent County Council and Medway Council ... The council said". The
FCA, the CMA and other British and US regulators' initials are public bodies now (the FCA was a
business, so "The FCA and the Bank of England" was no pair of regulators, and "The FCA fined
Barclays ... The regulator said" named nobody).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

FINED = "{opening}\n\nThe {noun} said the bank had not done enough to fix the problems."


@pytest.mark.parametrize(
    "opening",
    [
        "Barclays has been fined £40m by the Financial Conduct Authority and the Bank of England.",
        "The FCA and the Bank of England fined Barclays £40m on Tuesday.",
        "Barclays was fined £40m on Tuesday by Ofgem and Ofwat.",
    ],
)
@pytest.mark.parametrize("noun", ["regulator", "watchdog"])
def test_one_of_two_is_nobody_named(opening: str, noun: str) -> None:
    text = FINED.format(opening=opening, noun=noun)
    assert speaker_of(text, "not done enough") == ""


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        (
            "Barclays has been fined £40m by the Financial Conduct Authority.",
            "Financial Conduct Authority",
        ),
        ("The FCA fined Barclays £40m on Tuesday.", "FCA"),
        ("Barclays and the FCA reached a settlement on Tuesday.", "FCA"),  # a business beside it
    ],
)
def test_one_regulator_is_the_regulator(opening: str, speaker: str) -> None:
    text = FINED.format(opening=opening, noun="regulator")
    assert speaker_of(text, "not done enough") == speaker


def test_the_one_of_two_that_spoke() -> None:
    text = (
        "The FCA and the Bank of England fined Barclays £40m on Tuesday.\n\n"
        "The FCA said the bank had not done enough. The regulator said it would monitor the bank."
    )
    assert speaker_of(text, "monitor") == "FCA"
