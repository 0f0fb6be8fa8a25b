""" "It" after a sentence about a body nobody named (2026-12-07, session 29; junior doctors'
strike copy written here).

"The BMA says pay has fallen by 26%. The government disputes the figure. It says doctors were
given an 8.8% rise last year." gave the government's figure to the BMA: "it" was the last
organisation that spoke. After a sentence that opens with an organisation's noun and where
nobody spoke, "it" is that noun's body ("The union": the BMA), or nobody's when the page never
names it ("The government").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

BMA = "The British Medical Association (BMA) says pay has fallen by 26% since 2008. "


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        ("The government disputes the figure. ", ""),
        ("The Department of Health disputes the figure. ", "Department of Health"),
        ("The union wants a 35% rise. ", "British Medical Association"),
    ],
)
def test_it_is_the_body_the_sentence_before_opened_with(middle: str, speaker: str) -> None:
    text = BMA + middle + "It says doctors were given an 8.8% rise last year."
    assert speaker_of(text, "8.8%") == speaker


def test_it_after_a_sentence_that_was_said_is_still_its_speaker() -> None:
    text = BMA + "It says doctors were given an 8.8% rise last year."
    assert speaker_of(text, "8.8%") == "British Medical Association"
