"""A call-out for readers' stories under a story is page furniture (2026-12-07, session 27; a
storm page in HTML written here): "Have you been affected by the storm?" and "Share your
experiences by emailing ..." were units of the article (below the threshold, but the desk
listed them among its sentences)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text

LEDE = "More than two million homes were left without power on Saturday, the ENA said."


@pytest.mark.parametrize(
    "line",
    [
        "Have you been affected by the storm?",
        "Share your experiences by emailing weather@example.com.",
        "Tell us your story: email news@example.com",
        "Do you have information about this story?",
        "Get in touch: news@example.com",
    ],
)
def test_a_reader_callout_is_no_sentence(line: str) -> None:
    extraction = extract(read_text(f"{LEDE}\n\n{line}\n"))
    assert [s.text for s in extraction.sentences] == [LEDE]
    assert any(reason == "reader call-out" for _, _, reason in extraction.boilerplate)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said people who have been affected by the floods will get £500.",
        "Did you vote for the first time in 2024? Millions did.",
        "Residents were told to share their experiences with the inquiry by 12 March.",
    ],
)
def test_sentences_about_the_affected_stay(sentence: str) -> None:
    extraction = extract(read_text(f"{LEDE}\n\n{sentence}\n"))
    assert " ".join(s.text for s in extraction.sentences[1:]) == sentence
