"""Research firms and businesses named with a possessive (2026-12-07, session 26; written here
in the manner of US economics copy): "Moody's Analytics", "McDonald's said", "Fitch Ratings",
"Sensor Tower"."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text


def _speaker(sentence: str) -> tuple[str, str]:
    unit = extract(read_text(sentence)).sentences[0]
    return unit.speaker, unit.speaker_type


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # was "Analytics"
        ("Moody's Analytics put the odds of a recession at 35%.", "Moody's Analytics"),
        ("The deal was approved, Moody's Analytics said.", "Moody's Analytics"),
        # were nobody's
        ("McDonald's said sales rose 3% in the quarter.", "McDonald's"),
        ("Sales rose 3% in the quarter, McDonald's said.", "McDonald's"),
        ("Moody's warned that debt would rise to 110% of GDP.", "Moody's"),
        # were people
        ("Fitch Ratings said the outlook for US retailers was negative.", "Fitch Ratings"),
        ("Per Sensor Tower, users spent 3.2 billion hours in the app.", "Sensor Tower"),
    ],
)
def test_a_firms_name_speaks_as_an_organisation(sentence: str, speaker: str) -> None:
    assert _speaker(sentence) == (speaker, ORGANIZATION)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump's lawyer said the case was weak.",
        "The company's chief executive said sales rose 3%.",
    ],
)
def test_a_possessive_before_a_role_is_no_speaker(sentence: str) -> None:
    assert _speaker(sentence)[0] == ""


def test_a_countrys_ministry_keeps_its_country() -> None:
    sentence = "Russia's Defence Ministry said 40 drones were shot down overnight."
    assert _speaker(sentence) == ("Russia's Defence Ministry", ORGANIZATION)


def test_a_long_agency_name_is_one_public_body() -> None:
    # "The carmaker said" was "National Highway Traffic Safety", the agency's name cut at five
    # words and read as a business.
    text = (
        "Tesla is recalling more than 2 million vehicles in the US to fix Autopilot.\n\n"
        "The National Highway Traffic Safety Administration said its investigation found the "
        'system was "inadequate".\n\n'
        "The carmaker said it disagreed with the agency's analysis."
    )
    assert extract(read_text(text)).sentences[-1].speaker == "Tesla"
