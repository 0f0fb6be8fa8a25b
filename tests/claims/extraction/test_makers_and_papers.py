"""A business described by what it makes, and papers that are no newspapers (2026-12-07,
session 27; tech and research copy written here).

"OpenAI has hired ..., the maker of ChatGPT said" was nobody's (the product's name stood where
the speaker's would); "The paper, published in The Lancet, said" was the think tank named
before it (any organisation was "the paper"); "A report, released by the Resolution Foundation
on Monday, found" was nobody's (the day after the author hid it).
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "OpenAI has hired a former Apple designer to lead work on new devices, the maker of "
            "ChatGPT said on Tuesday.",
            "designer",
            "OpenAI",
        ),
        ("OpenAI will open an office in Paris, said the maker of ChatGPT.", "Paris", "OpenAI"),
        (
            "Anthropic raised $4bn from Amazon in the round, the company behind Claude said.",
            "$4bn",
            "Anthropic",
        ),
    ],
)
def test_the_maker_of_a_product_is_the_business_the_sentence_opens_with(
    text: str, fragment: str, speaker: str
) -> None:
    sentence = unit_with(text, fragment)
    assert (sentence.speaker, sentence.speaker_type) == (speaker, ORGANIZATION)


def test_the_maker_of_a_product_is_never_the_product() -> None:
    text = "ChatGPT was down for hours on Monday, the maker of ChatGPT said."
    assert speaker_of(text, "hours") != "ChatGPT"
    # With no business to be, the description itself speaks, as an organisation.
    sentence = unit_with(
        "The update broke logins for millions, the maker of Windows said.", "logins"
    )
    assert (sentence.speaker, sentence.speaker_type) == ("the maker of Windows", ORGANIZATION)


def test_a_paper_published_in_a_journal_is_no_newspaper() -> None:
    text = (
        "The Resolution Foundation published a report on Monday.\n\n"
        "The paper, published in The Lancet, said smoking rates fell by 12%.\n\n"
        "The Guardian reported the plan on Sunday.\n"
    )
    assert unit_with(text, "smoking").speaker == ""


def test_the_paper_is_a_newspaper_never_another_organisation() -> None:
    text = (
        "The Resolution Foundation published a report on Monday. "
        "The paper said 12 ministers had agreed."
    )
    assert speaker_of(text, "12 ministers") == ""
    text = "The Guardian reported the plan on Sunday. The paper said 12 ministers had agreed."
    assert speaker_of(text, "12 ministers") == "Guardian"
    text = "The Spanish daily El Pais reported the deal. The newspaper said 12 firms had signed."
    assert speaker_of(text, "12 firms") == "El Pais"


def test_a_reports_author_before_the_day_it_came_out() -> None:
    text = "A report, released by the Resolution Foundation on Monday, found that wages fell 2%."
    assert extract(read_text(text)).sentences[0].speaker == "Resolution Foundation"
