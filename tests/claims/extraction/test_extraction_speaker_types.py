"""Typing a speaker as a person or an organisation, for ClaimReview's Person/Organization."""

# The articles use typographic apostrophes (U+2019); these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extraction import ORGANIZATION, PERSON, extract, read_path, read_text, speaker_type

ARTICLE = (
    Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "kuril-islands-2021-02-15.txt"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # A first name or a surname alone is a person, whatever its length.
        ("Harry", PERSON),
        ("Putin", PERSON),
        ("Vladimir Putin", PERSON),
        ("Kim Jong Un", PERSON),  # "Un" is not the UN
        ("Ursula von der Leyen", PERSON),
        # A person named after a role is a person, even when the role names an organisation.
        ("Department of Correction spokesman Jason Kersten", PERSON),
        ("Secretary of State Antony Blinken", PERSON),
        ("White House press secretary Jen Psaki", PERSON),
        ("FBI Director Christopher Wray", PERSON),
        ("Russian Foreign Minister Sergey Lavrov", PERSON),
        ("the minister", PERSON),
        # An organisation word anywhere, or a known or capitalised acronym.
        ("Associated Press", ORGANIZATION),
        ("Japan’s Foreign Ministry", ORGANIZATION),
        ("Japan's Foreign Ministry", ORGANIZATION),
        ("Hokkaido Shimbun", ORGANIZATION),
        ("European Court of Auditors", ORGANIZATION),
        ("Washington Post", ORGANIZATION),
        ("Reuters", ORGANIZATION),
        ("AP", ORGANIZATION),
        ("NATO", ORGANIZATION),
        ("ICES", ORGANIZATION),
        # An unnamed spokesperson speaks for the organisation.
        ("Russian Ministry of Foreign Affairs spokesperson", ORGANIZATION),
        ("Office of the Director of National Intelligence", ORGANIZATION),
        # A government speaking through its country, capital or seat.
        ("Moscow", ORGANIZATION),
        ("Tokyo", ORGANIZATION),
        ("Japan", ORGANIZATION),
        ("US", ORGANIZATION),
        ("U.S.", ORGANIZATION),
        ("the United States", ORGANIZATION),
        ("the Kremlin", ORGANIZATION),
        ("White House", ORGANIZATION),
        ("George Washington", PERSON),  # only the whole name is a seat of government
        # "the" and a collective noun.
        ("the government", ORGANIZATION),
        # Speakers the finder now returns as described (issue 14).
        ("the national audit office", ORGANIZATION),
        ("The council's transport committee", ORGANIZATION),
        ("the employers’ federation", ORGANIZATION),
        ("Nordvik Steelworks", ORGANIZATION),  # a company word at the end of the name
        ("Jason Kersten", PERSON),  # the role is stripped by the finder
        ("the city", ORGANIZATION),
        # Words companies, utilities and public bodies are named with (2026-12-06: each was
        # typed a person).
        ("UK Power Networks", ORGANIZATION),
        ("Southern Rail", ORGANIZATION),
        ("Acme Robotics", ORGANIZATION),
        ("Thames Water", ORGANIZATION),
        ("British Gas", ORGANIZATION),
        ("Drinking Water Inspectorate", ORGANIZATION),
        ("Heathrow Airport", ORGANIZATION),
        ("Public Health England", ORGANIZATION),
        ("Tom Jones's family", ORGANIZATION),
        ("Roger Waters", PERSON),
        ("Samantha Power", PERSON),
        # No speaker, or one the finder should have resolved: no type rather than a guess.
        ("", ""),
        ("   ", ""),
        ("he", ""),
        ("She", ""),
        ("they", ""),
        ("it", ""),
        ("we", ""),
        ("I", ""),
        ("officials", ""),
    ],
)
def test_speaker_type(name: str, expected: str) -> None:
    assert speaker_type(name) == expected


def test_example_article_claims_carry_a_type_exactly_when_they_have_a_speaker() -> None:
    claims = extract(read_path(ARTICLE)).claims()
    assert any(c.speaker for c in claims) and any(not c.speaker for c in claims)
    for claim in claims:
        assert bool(claim.speaker_type) == bool(claim.speaker), claim.text
        assert claim.speaker_type == speaker_type(claim.speaker)
        assert claim.as_dict()["speaker_type"] == claim.speaker_type


def test_example_article_types_people_and_governments() -> None:
    types = {s.speaker: s.speaker_type for s in extract(read_path(ARTICLE)).sentences}
    assert types["Katsunobo Kato"] == PERSON
    assert types["Dmitry Medvedev"] == PERSON
    assert types["Moscow"] == ORGANIZATION
    assert types["US"] == ORGANIZATION
    assert types["Hokkaido Shimbun"] == ORGANIZATION
    assert types["Russian Ministry of Foreign Affairs spokesperson"] == ORGANIZATION


def test_sentence_without_a_speaker_has_no_type() -> None:
    extraction = extract(read_text("The fleet returned to port on Monday after 40 days at sea."))
    assert [(s.speaker, s.speaker_type) for s in extraction.sentences] == [("", "")]
