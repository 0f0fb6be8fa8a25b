""" "Japan's Toyota ... The Japanese carmaker said" (2026-12-07, session 32; wire copy written
here; "the Spanish club" was listed as still wrong in session 31).

A business or a club that a story gives a country ("Japan's Toyota", "Spain's Real Madrid",
"Danish drugmaker Novo Nordisk", "German carmaker BMW") is described later by that country's
adjective: "The Japanese carmaker said" was the description itself, an organisation nobody
named. The one organisation the text gave that country is the speaker; two of one country are
nobody named; a person given a country ("Spain's Rafael Nadal", "Britain's Prime Minister Keir
Starmer") is no such organisation, and a government is not read so.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Japan's Toyota sold 10.3 million vehicles last year, ahead of Volkswagen. "
            "The Japanese carmaker said demand for hybrids was strong.",
            "Toyota",
        ),
        (
            "Germany's Siemens and France's Alstom have abandoned their merger. "
            "The German company said it would focus on digital industries.",
            "Siemens",
        ),
        (
            "Spain's Real Madrid beat Liverpool 2-0 on Wednesday. "
            "The Spanish club said it would appeal against the fine.",
            "Real Madrid",
        ),
        (
            "Danish drugmaker Novo Nordisk cut its forecast, after Eli Lilly raised its own. "
            "The Danish company said sales of Wegovy had slowed.",
            "Novo Nordisk",
        ),
        ("German carmaker BMW cut its forecast. The German carmaker said sales fell.", "BMW"),
    ],
)
def test_the_organisation_of_that_country(text: str, speaker: str) -> None:
    unit = unit_with(text, " said")
    assert (unit.speaker, unit.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize(
    "text",
    [
        "Germany's Siemens and Germany's SAP both reported results. The German company said "
        "profits rose.",
        "Spain's Rafael Nadal beat Germany's Alexander Zverev. The German company said it was "
        "proud.",
    ],
)
def test_two_or_none_of_that_country_name_nobody(text: str) -> None:
    assert unit_with(text, " said").speaker in {"", "The German company"}


def test_a_government_is_not_read_so() -> None:
    text = (
        "Britain's Prime Minister Keir Starmer met bankers. The British government said growth "
        "would rise."
    )
    assert unit_with(text, " said").speaker == "British government"
