""" "Tesco closed 12 stores. The supermarket said" (2026-12-07, session 33; a storm story
written here).

"Network Rail said trees had fallen on to lines. Ryanair cancelled 150 flights. A spokesperson
for the airline said ..." was Network Rail's: an undescribed business noun ("the airline",
"the company", "the supermarket") went to the organisation that spoke last, before the one the
sentence before opened with. That one comes first now, when no one spoke in that sentence
(the poll's "according to a YouGov survey" keeps "the pollster" YouGov's) and it is no
headline's common word ("Water bills").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

STORM = "Network Rail said trees had fallen on to lines. {subject} {act}. {noun} said 2 {what}."


@pytest.mark.parametrize(
    ("subject", "act", "noun", "what"),
    [
        ("Ryanair", "cancelled 150 flights", "A spokesperson for the airline", "refunds"),
        ("Ryanair", "cancelled 150 flights", "The airline", "refunds"),
        ("Ryanair", "cancelled 150 flights on Monday", "A spokesperson for the company", "refunds"),
        ("Tesco", "closed 12 stores", "The supermarket", "stores reopened"),
    ],
)
def test_the_business_the_sentence_before_opened_with(
    subject: str, act: str, noun: str, what: str
) -> None:
    text = STORM.format(subject=subject, act=act, noun=noun, what=what)
    assert speaker_of(text, f"2 {what}") == subject


def test_a_headlines_common_word_is_no_business() -> None:
    text = "Water bills\n\nIn a statement, the company said bills would rise by 2 percent."
    assert speaker_of(text, "2 percent") == ""
