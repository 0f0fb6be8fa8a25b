"""Westminster copy (2026-12-07, session 26, written here): people around someone speak, not
that someone ("Allies of Boris Johnson said", "Friends of the work and pensions secretary, Liz
Kendall, said"), and "a No 10 spokesperson" is Downing Street's."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text


def _speaker(sentence: str) -> tuple[str, str]:
    unit = extract(read_text(sentence)).sentences[0]
    return unit.speaker, unit.speaker_type


@pytest.mark.parametrize(
    "sentence",
    [
        # was Liz Kendall
        "Friends of the work and pensions secretary, Liz Kendall, said she had long argued for "
        "the change.",
        # were "Allies of Boris Johnson", "Critics of Rishi Sunak" (people) and Trump
        "Allies of Boris Johnson said he would not stand.",
        "Critics of Rishi Sunak said the plan would fail.",
        "Supporters of Mr Trump said the verdict was rigged.",
        "Sources close to Liz Kendall said she had long argued for the change.",
        "Aides to President Macron said he would attend.",
    ],
)
def test_people_around_someone_are_not_them(sentence: str) -> None:
    assert _speaker(sentence)[0] == ""


def test_the_person_named_after_a_role_still_speaks() -> None:
    sentence = "The work and pensions secretary, Liz Kendall, said she had long argued for it."
    assert _speaker(sentence)[0] == "Liz Kendall"


@pytest.mark.parametrize(
    "sentence",
    [
        "A No 10 spokesperson said the plan was on track.",  # was nobody's
        'Asked about the reports, a No 10 spokesperson told reporters: "We are on track."',
    ],
)
def test_a_no_10_spokesperson(sentence: str) -> None:
    assert _speaker(sentence) == ("No 10 spokesperson", ORGANIZATION)
