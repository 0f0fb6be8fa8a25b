"""A Q&A interview's furniture (2026-12-07, session 26): a headline that quotes the person
interviewed is theirs, and the note that the interview was edited is nobody's claim."""

# ruff: noqa: RUF001
from __future__ import annotations

import pytest

from claims.extraction import PERSON, extract, read_text

INTERVIEW = """'Air pollution kills 7 million people a year': an interview with the WHO's \
Maria Neira

Dr Maria Neira is director of the department of environment, climate change and health at the \
World Health Organization. We asked her about the new air quality guidelines.

Q: Why did the WHO change its guidelines?

A: The evidence is overwhelming. Air pollution causes about 7 million premature deaths every \
year, more than tobacco.

Q: Which countries are worst affected?

A: More than 90% of those deaths occur in low and middle-income countries.

This interview has been edited for length and clarity.
"""


def _units(text: str) -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def test_a_quoted_headline_is_the_interviewees() -> None:
    # It was nobody's.
    assert _units(INTERVIEW)["'Air pollution kills 7 million"] == ("Maria Neira", PERSON)


def test_the_answers_are_the_interviewees() -> None:
    assert _units(INTERVIEW)["Air pollution causes about 7 m"][0] == "Maria Neira"


@pytest.mark.parametrize(
    "note",
    [
        "This interview has been edited for length and clarity.",
        "This conversation has been condensed and lightly edited.",
        "This transcript was edited for length.",
    ],
)
def test_the_editing_note_is_no_sentence(note: str) -> None:
    # It was a sentence, and Maria Neira's.
    text = INTERVIEW.replace("This interview has been edited for length and clarity.", note)
    assert not any(s.text == note for s in extract(read_text(text)).sentences)


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("‘We will not back down’: Sharon Graham on the bus strikes", "Sharon Graham"),
        ("'A dangerous moment': Climate Change and the future of cities", ""),
    ],
)
def test_a_quotation_then_a_persons_name(headline: str, speaker: str) -> None:
    text = f"{headline}\n\nThe union said pay had fallen by 20% in real terms since 2010."
    assert _units(text)[headline[:30]][0] == speaker


FACT_CHECK = """Fact check: No, the WHO did not declare a new pandemic

A viral post claims that the World Health Organization declared a new pandemic on 3 March.

Claim: The WHO has declared a "Disease X" pandemic.

Fact: The WHO has made no such declaration.

This article was produced by the Full Fact team.
"""


def test_a_fact_checks_label_is_no_speaker() -> None:
    # "Fact:" was "Full Fact", a person, the page's only longer name holding the word.
    assert _units(FACT_CHECK)["Fact: The WHO has made no such"][0] == ""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Theresa May will speak.\n\nMay: We will deliver Brexit on time.", "Theresa May"),
        ("Gordon Brown spoke.\n\nBrown: We saved the banks in 2008.", "Gordon Brown"),
    ],
)
def test_a_surname_that_is_a_word_still_speaks_before_a_colon(text: str, speaker: str) -> None:
    assert extract(read_text(text)).sentences[-1].speaker == speaker
