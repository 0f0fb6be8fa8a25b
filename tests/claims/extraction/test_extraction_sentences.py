"""Sentence splitting: exact, trimmed spans and the punctuation that does not end a sentence."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.sentences import split_block


def _split(text: str) -> list[str]:
    spans = split_block(text, 0, len(text))
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at St. Mary's hospital on Jan. 5 with Gen. Miller.",
        "The U.S. Army and the U.K. Royal Navy held drills.",
        "J. R. R. Tolkien and George W. Bush never met.",
        "Inflation rose 3.5 per cent, i.e. faster than wages, e.g. in Spain.",
        "The figure was No. 1 in the charts.",
        "He paused... then carried on talking about the budget.",
        '"Is it true?" she asked the minister at the briefing.',
        '"Never!" he shouted across the chamber of the parliament.',
        "The talks were held at 3 p.m. on Monday in Geneva.",
        "He studied at St. Andrews before joining the ministry.",
        "Talks resumed on Feb. 15 in Geneva, with apples, pears, etc. on the table.",
    ],
)
def test_punctuation_that_does_not_end_a_sentence(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops landed in the U.S. The president said nothing.",
            ["Troops landed in the U.S.", "The president said nothing."],
        ),
        (
            'He said: "We will win." The crowd cheered.',
            ['He said: "We will win."', "The crowd cheered."],
        ),
        (
            # A quotation its attribution introduced takes no attribution tail: what follows
            # its close is a sentence of its own (it was one unit with the quotation).
            'Laura Hill said: "This was a reckless act." She urged anyone to call police.',
            ['Laura Hill said: "This was a reckless act."', "She urged anyone to call police."],
        ),
        (
            'He said "We will not stop." She added that the march would go ahead.',
            ['He said "We will not stop."', "She added that the march would go ahead."],
        ),
        (
            '"We will not stop." She added that the march would go ahead.',
            ['"We will not stop." She added that the march would go ahead.'],
        ),
        (
            "Prices rose “sharply.” Officials blamed the weather.",
            ["Prices rose “sharply.”", "Officials blamed the weather."],
        ),
        (
            "Is this the end? Critics fear it might be!  Nobody knows...  Time will tell.",
            ["Is this the end?", "Critics fear it might be!", "Nobody knows...", "Time will tell."],
        ),
        (
            "The vote was 52.4 per cent to 47.6. Turnout was 72.2 per cent.",
            ["The vote was 52.4 per cent to 47.6.", "Turnout was 72.2 per cent."],
        ),
        (
            "The budget was approved in 2021. In 2022 it was cut.",
            ["The budget was approved in 2021.", "In 2022 it was cut."],
        ),
        (
            "They sold apples, pears etc. The market closed at noon.",
            ["They sold apples, pears etc.", "The market closed at noon."],
        ),
        (
            "He works for Acme Inc. in Ohio. It makes anvils.",
            ["He works for Acme Inc. in Ohio.", "It makes anvils."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_quote_spanning_two_sentences_is_one_unit() -> None:
    text = (
        "A spokesperson added that “In 1945, the Kuril Islands were transferred to the Soviet "
        "Union. But today the State Department is seeking to reopen the settlement.” Talks end."
    )
    assert _split(text) == [
        "A spokesperson added that “In 1945, the Kuril Islands were transferred to the Soviet "
        "Union. But today the State Department is seeking to reopen the settlement.”",
        "Talks end.",
    ]


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "xx  First one.   Second one?  yy"
    spans = split_block(text, 2, len(text) - 2)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?"]
    assert spans[0][0] == 4


def test_lines_without_punctuation_and_paragraphs_are_boundaries() -> None:
    text = (
        "A headline without a full stop\n"
        "The first paragraph starts here and ends here.\n\n"
        "A second paragraph without a full stop\n\n"
        "Third paragraph."
    )
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == [
        "A headline without a full stop",
        "The first paragraph starts here and ends here.",
        "A second paragraph without a full stop",
        "Third paragraph.",
    ]


def test_broken_line_in_lower_case_continues_the_sentence() -> None:
    text = "The minister said that the fleet\nwould return to port in May.\n"
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == [
        "The minister said that the fleet\nwould return to port in May."
    ]


def test_a_sentence_never_crosses_a_paragraph_break() -> None:
    text = "The council met on Monday and\n\nvoted to close the harbour in 2024."
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == [
        "The council met on Monday and",
        "voted to close the harbour in 2024.",
    ]
