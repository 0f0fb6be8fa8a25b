"""Sources of modelling, and a report named after its owner (2026-12-07, session 29; Australian
energy copy written here).

"..., according to modelling by Frontier Economics commissioned by the Coalition." was nobody's
("modelling" was no document before a name), and "The CSIRO's GenCost report, released in May,
put ..." was "GenCost"'s, the report's title. The owner before a report's title is its author
(a country before it is not: "Britain's ONS report" is the ONS's).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The plan would cost $331bn, according to modelling by Frontier Economics "
            "commissioned by the Coalition.",
            "Frontier Economics",
        ),
        (
            "The tax would raise £2bn a year, according to calculations by the Resolution "
            "Foundation.",
            "Resolution Foundation",
        ),
    ],
)
def test_modelling_and_calculations_by_a_firm(text: str, speaker: str) -> None:
    assert speaker_of(text, "bn") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The CSIRO's GenCost report, released in May, put the cost of nuclear at $155 per "
            "megawatt hour.",
            "CSIRO",
        ),
        ("The IMF's World Economic Outlook report said growth would slow to 3.2%.", "IMF"),
        ("Britain's ONS report said inflation rose to 3.2%.", "ONS"),
    ],
)
def test_an_owned_report_is_its_owners(text: str, speaker: str) -> None:
    assert speaker_of(text, "$155" if "$155" in text else "3.2%") == speaker
