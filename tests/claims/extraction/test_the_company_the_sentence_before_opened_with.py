""" "OpenAI has raised $40bn in a funding round led by Japan's SoftBank. The San
Francisco-based company said" (2026-12-07, session 32; a funding story written here).

A business described by where it is based, after a sentence that opened with one business and
named another in passing, was the description itself: two businesses were near, and neither
had spoken. The business the sentence before opened with is the one described; not two that
opened it together ("Microsoft and Sony"). "The Tokyo-based company said", with no business
to refer to, gave "Tokyo-based", read as a one-word name before its noun like "the Aslef
union"; the description is kept whole now.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_business_that_opened_the_sentence_before() -> None:
    text = (
        "OpenAI has raised $40bn in a funding round led by Japan's SoftBank.\n\n"
        "The San Francisco-based company said it would use the money to build computing power."
    )
    assert speaker_of(text, "computing power") == "OpenAI"


def test_two_that_opened_it_are_neither() -> None:
    text = (
        "Microsoft and Sony agreed a deal with Nintendo.\n\n"
        "The Tokyo-based company said it would appeal."
    )
    assert speaker_of(text, "appeal") == "The Tokyo-based company"


def test_a_description_by_a_place_stays_whole() -> None:
    assert speaker_of("The Kyoto-based company said it would appeal.", "appeal") == (
        "The Kyoto-based company"
    )
