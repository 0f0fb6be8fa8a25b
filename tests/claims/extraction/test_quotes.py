"""Quotation-aware claim units: a quotation is never split, its attribution stays with it, and
every span is exact (``text[start:end]`` is the unit)."""

# The articles use typographic quotes and apostrophes; these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extraction import extract, read_path, read_text
from claims.extraction.sentences import quote_spans, split_block

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def _split(text: str) -> list[str]:
    spans = split_block(text, 0, len(text))
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    return [text[start:end] for start, end in spans]


def test_attribution_after_a_two_sentence_quote_is_one_unit_with_it() -> None:
    # Modelled on the finding: the quote's opening sentence was lost to another claim.
    text = (
        "“We were never told. Those were conversations that family had with him,” Meghan "
        "added. The palace declined to comment."
    )
    assert _split(text) == [
        "“We were never told. Those were conversations that family had with him,” Meghan added.",
        "The palace declined to comment.",
    ]


def test_short_attribution_after_a_closing_full_stop_joins_the_quote() -> None:
    text = "“It was a big stretch. I liked it.” Pitt said. Then he left the stage."
    assert _split(text) == [
        "“It was a big stretch. I liked it.” Pitt said.",
        "Then he left the stage.",
    ]


def test_a_full_sentence_after_a_quote_is_not_an_attribution() -> None:
    text = '“We will win.” The crowd cheered. "Never!" he shouted. The hall emptied.'
    assert _split(text) == [
        "“We will win.”",
        "The crowd cheered.",
        '"Never!" he shouted.',
        "The hall emptied.",
    ]


def test_quote_left_open_runs_to_the_end_of_the_block() -> None:
    text = 'Judge Ford said: "There was no malice. You knew the dangers. The risk was clear.'
    assert _split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The polls opened on Oct. 5 at 7 a.m. in Ohio and closed at 8 p.m. on the same day.",
        "“Parasite” director Bong Joon Ho said no-one could predict the Oscars on Feb. 9 at all.",
    ],
)
def test_abbreviations_inside_and_outside_quotes_do_not_split(text: str) -> None:
    assert _split(text) == [text]


def test_a_quote_ending_in_full_stop_and_closing_mark_ends_the_sentence() -> None:
    text = (
        "Prices rose “sharply.” Officials blamed the weather. He said: “We were wrong.” It rained."
    )
    assert _split(text) == [
        "Prices rose “sharply.”",
        "Officials blamed the weather.",
        "He said: “We were wrong.”",
        "It rained.",
    ]


def test_inch_marks_and_apostrophes_open_no_quotation() -> None:
    text = "He is 6'2\" tall. It’s the players’ turn. The end came."
    assert _split(text) == ["He is 6'2\" tall.", "It’s the players’ turn.", "The end came."]
    assert quote_spans("It’s the players’ turn.") == []


def test_quote_spans_face_the_right_way() -> None:
    text = 'He said "yes." Then “no,” and "maybe'
    assert [text[a:b] for a, b in quote_spans(text)] == ['"yes."', "“no,”", '"maybe']


def test_units_of_every_fixture_article_are_exact_and_never_end_inside_a_quote() -> None:
    for path in sorted(FIXTURES.iterdir()):
        if path.name == "nav-only.html":
            continue
        extraction = extract(read_path(path))
        text = extraction.document.text
        for sentence in extraction.sentences:
            assert text[sentence.start : sentence.end] == sentence.text, path.name
            # A unit ends where its quotations have closed (or its block ends).
            for _, b in quote_spans(text, sentence.start, sentence.end):
                assert b <= sentence.end


def test_spans_are_exact_with_quotes_across_lines_and_paragraphs() -> None:
    text = (
        "Cod quotas were cut.\n\n"
        "“Those were the rules. We followed them,” said Dr. Anna Berg, the harbour master.\n"
        "“The fish are leaving.\n\n"
        "“They will not come back,” she said at 9 a.m. on Oct. 4."
    )
    extraction = extract(read_text(text))
    for sentence in extraction.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.speaker for s in extraction.sentences] == ["", "Anna Berg", "Anna Berg", "Anna Berg"]


def test_a_quotation_in_single_quotes_continues_its_speaker() -> None:
    """As British papers quote: the second quotation had no speaker."""
    text = "'I was told the building was safe,' said resident Maria Gomez. 'Nobody ever came.'"
    units = {s.text: s.speaker for s in extract(read_text(text)).sentences}
    assert units["'Nobody ever came.'"] == "Maria Gomez"
    # an apostrophe opening a sentence is no quotation
    decade = "Maria Gomez said rents had doubled. '90s prices are gone for good, agents say."
    assert {s.text: s.speaker for s in extract(read_text(decade)).sentences}[
        "'90s prices are gone for good, agents say."
    ] == ""
