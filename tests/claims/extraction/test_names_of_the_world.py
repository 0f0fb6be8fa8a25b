"""People as world news names them, found by reading short articles written for the tests in
the styles of Mexican, Brazilian, Indonesian and other wire copy (2026-12-06, session 24): a
double surname, a name of five words with a particle, a person called by one word of a long
name, and a nickname introduced with "known as"."""

from __future__ import annotations

import pytest

from claims.extraction import PERSON
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # Was "López Obrador": a double surname alone.
        (
            "Mexican President Andrés Manuel López Obrador said 40,000 troops would be sent. "
            "López Obrador added that the deployment would last 45 days.",
            "45 days",
            "Andrés Manuel López Obrador",
        ),
        # Was "Luiz Inácio Lula" twice: the name was cut at four words.
        (
            "Brazil's President Luiz Inácio Lula da Silva said deforestation fell 30% last "
            "year. Lula said logging would end by 2030.",
            "2030",
            "Luiz Inácio Lula da Silva",
        ),
        (
            "Brazil's President Luiz Inácio Lula da Silva said deforestation fell 30% last year.",
            "30%",
            "Luiz Inácio Lula da Silva",
        ),
        # Was "Jokowi", an organisation.
        (
            "Indonesian President Joko Widodo, known as Jokowi, said 1,000 hectares had burned. "
            "Jokowi said 12 fires were under control.",
            "12 fires",
            "Joko Widodo",
        ),
    ],
)
def test_a_person_by_a_short_form_of_a_long_name(text: str, fragment: str, speaker: str) -> None:
    sentence = unit_with(text, fragment)
    assert (sentence.speaker, sentence.speaker_type) == (speaker, PERSON)


def test_a_four_word_name_without_a_particle_is_still_cut_at_four() -> None:
    text = "Mexican President Andrés Manuel López Obrador Monday said 40,000 troops were sent."
    assert unit_with(text, "40,000").speaker == "Andrés Manuel López Obrador"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # US wire style: the day between the name and the verb was part of the name.
        ("President Joe Biden Monday said 40,000 troops were sent.", "Joe Biden"),
        ("The Pentagon Tuesday said 40,000 troops were sent.", "Pentagon"),
        ("Sen. Chuck Schumer Wednesday announced that 40,000 troops were sent.", "Chuck Schumer"),
    ],
)
def test_a_day_after_a_name_is_no_part_of_it(text: str, speaker: str) -> None:
    assert unit_with(text, "40,000").speaker == speaker


def test_a_day_inside_a_name_stays() -> None:
    text = "The Good Friday Agreement Committee said 40,000 people had signed."
    assert unit_with(text, "40,000").speaker == "Good Friday Agreement Committee"
