"""A fact-check written here (2026-12-07, session 27): the House of Commons Library is an
organisation (it was typed a person, and so was the House of Commons), and "We contacted the
account that posted the claim but did not receive a reply." is the desk's no-comment line
(it scored 0.78: a claim with nothing in it to check)."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, speaker_type
from claims.extraction.prose import says_only_no_comment


@pytest.mark.parametrize(
    "name", ["House of Commons Library", "House of Commons", "British Library"]
)
def test_houses_and_libraries_are_organisations(name: str) -> None:
    assert speaker_type(name) == ORGANIZATION


def test_a_person_called_house_is_a_person() -> None:
    assert speaker_type("Sarah House") == PERSON


@pytest.mark.parametrize(
    "sentence",
    [
        "We contacted the account that posted the claim but did not receive a reply.",
        "Meta did not respond by the time of publication.",
        "The company did not reply.",
        "The Home Office did not respond to requests from the BBC.",
        "The BBC approached Meta but had not received a response at the time of publication.",
    ],
)
def test_no_reply_is_a_no_comment_line(sentence: str) -> None:
    assert says_only_no_comment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta did not respond to the allegations about its 12 data centres.",
        "He said the firm did not respond to his letters for two years.",
        "Officials did not respond to calls for help as the fire spread.",
        "Firefighters did not respond to the alarm until morning.",
    ],
)
def test_not_responding_to_something_else_is_a_claim(sentence: str) -> None:
    assert not says_only_no_comment(sentence)
