"""Hansard as its website prints a debate (2026-12-07, session 32; PMQs copy written here).

On hansard.parliament.uk each speaker's label stands on a line of its own without a colon
("Kemi Badenoch (North West Essex) (Con)"), and a minister answering again is labelled by the
office alone ("The Prime Minister"). Pasted so, nothing was attributed, the labels were
sentences, and the second "The Prime Minister" was dropped as a subheading; with colons, that
second answer was the previous member's (Ed Davey's). A line of its own is a label when it ends
in a party in brackets, two lines so or more making the text a debate; an office alone is the
person named with it before.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

PMQS = """Engagements

Kemi Badenoch (North West Essex) (Con)
The Prime Minister promised to cut waiting lists, yet 7.5 million people are still waiting. \
When will he keep his promise?

The Prime Minister (Keir Starmer)
Waiting lists have fallen by 200,000 since the election.

Ed Davey (Kingston and Surbiton) (LD)
Care homes are closing at a rate of 10 a week. Will the Prime Minister meet me?

The Prime Minister
I will happily meet him. We have put £600 million into social care this year.
"""


@pytest.mark.parametrize("colon", ["", ":"])
@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("7.5 million", "Kemi Badenoch"),
        ("200,000", "Keir Starmer"),
        ("10 a week", "Ed Davey"),
        ("£600 million", "Keir Starmer"),
    ],
)
def test_each_turn_is_its_labels(colon: str, words: str, speaker: str) -> None:
    text = PMQS
    if colon:
        for label in ("(Con)", "(Keir Starmer)", "(LD)", "The Prime Minister\nI"):
            text = text.replace(label, label.replace("\n", ":\n") if "\n" in label else label + ":")
    assert speaker_of(text, words) == speaker


def test_the_labels_are_no_sentences() -> None:
    texts = [s.text for s in extract(read_text(PMQS)).sentences]
    assert not any("(Con)" in t or "(LD)" in t or t == "The Prime Minister" for t in texts)


def test_one_line_with_a_party_is_no_debate() -> None:
    text = "Ed Davey (Kingston and Surbiton) (LD)\nCare homes are closing at a rate of 10 a week."
    assert speaker_of(text, "10 a week") == ""
