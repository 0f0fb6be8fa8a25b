"""Science reporting (2026-12-07, session 26): the study's leader is "the lead author", a
scientist introduced by a profession is not "the author", and a journal is an organisation."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON, extract, read_text

STUDY = (
    "Microplastics found in human brains, study suggests\n\n"
    "Tiny pieces of plastic have been found in samples of human brain tissue at levels up to 30 "
    "times higher than in the liver, according to a study published in Nature Medicine.\n\n"
    "The researchers, led by Matthew Campen of the University of New Mexico, analysed tissue "
    "from 52 people who died in 2016 and 2024.\n\n"
    '"This is an interesting finding, but it needs to be replicated," said Dr Theodore Henry, '
    "a toxicologist at Heriot-Watt University in Edinburgh.\n\n"
    "The lead author said the team would now study whether the particles were linked to "
    "dementia."
)


def _units(text: str) -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def test_the_lead_author_is_who_led_the_study() -> None:
    # It was Theodore Henry, the last person quoted.
    assert _units(STUDY)["The lead author said the team "] == ("Matthew Campen", PERSON)


def test_a_scientist_introduced_by_a_profession_is_not_the_author() -> None:
    # "The author said" was Theodore Henry, whose only role is toxicologist.
    text = (
        '"This is interesting," said Dr Theodore Henry, a toxicologist at Heriot-Watt '
        "University.\n\nThe author said the team would now study dementia."
    )
    assert _units(text)["The author said the team would"][0] == ""


def test_a_journal_is_an_organisation() -> None:
    # "Nature Medicine" was typed a person.
    assert _units(STUDY)["Tiny pieces of plastic have be"] == ("Nature Medicine", ORGANIZATION)
