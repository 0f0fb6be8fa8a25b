"""An organisation's office named without its holder (2026-12-07, session 27; economics and
retail copy written here).

"Rates will fall slowly, said the governor of the Bank of England." was "England", an
organisation; "The chief executive of Tesco said ..." and "the governor of the Bank of England
said" were nobody's. Now the organisation's office speaks: "Bank of England governor", "Tesco
chief executive" (a place's office stays nobody's: "the mayor of London").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rates will fall to 3%, said the governor of the Bank of England.",
            "Bank of England governor",
        ),
        (
            "Rates will fall to 3%, the governor of the Bank of England said.",
            "Bank of England governor",
        ),
        ("The chief executive of Tesco said prices would rise 3%.", "Tesco chief executive"),
        (
            "The head of the International Monetary Fund said growth would slow to 3%.",
            "International Monetary Fund head",
        ),
    ],
)
def test_an_organisations_office_speaks(text: str, speaker: str) -> None:
    assert speaker_of(text, "3%") == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of London said fares would be frozen for 2 years.",
        "The president of France said the 2 deals were done.",
        "The father of Jane Smith said 2 witnesses had lied.",
    ],
)
def test_a_places_or_a_persons_relation_stays_nobodys(text: str) -> None:
    assert speaker_of(text, "2") == ""


def test_the_holder_named_with_the_office_speaks() -> None:
    text = "Andrew Bailey, the governor of the Bank of England, said rates would fall to 3%."
    assert speaker_of(text, "3%") == "Andrew Bailey"
