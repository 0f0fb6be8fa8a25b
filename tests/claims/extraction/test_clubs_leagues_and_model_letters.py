"""A sports story's club and league, and a model's letter before a new sentence (2026-12-07,
session 29; football and car-recall copy written here).

"The club has previously said ..." and "The league says ..." were nobody's three paragraphs
after "Manchester City's hearing over ... Premier League financial rules": "the league" was no
organisation noun, and a club is named by its place and ending ("City"), never "club". A
story's club and league are its subject throughout, so the only one the page names is meant.
"... the Model S, Model 3 and Model Y. The carmaker will ..." was one sentence: a capital letter
before a full stop was always an initial; before a word that opens sentences it ends one.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

HEARING = (
    "Man City charged with 115 breaches\n\n"
    "Manchester City's hearing over 115 alleged breaches of Premier League financial rules "
    "began on Monday.\n\n"
    "City manager Pep Guardiola said he would stay at the club.\n\n"
    "The league says City failed to provide accurate financial information for nine seasons.\n\n"
    'The club has previously said it has "a comprehensive body of irrefutable evidence".'
)


def test_the_league_is_the_league_the_story_is_about() -> None:
    assert speaker_of(HEARING, "nine seasons") == "Premier League"


def test_the_club_is_the_club_the_story_is_about() -> None:
    assert speaker_of(HEARING, "irrefutable") in {"Man City", "Manchester City"}


def test_a_models_letter_ends_a_sentence_before_the() -> None:
    text = (
        "The recall covers the Model S, Model 3 and Model Y. The carmaker will send a software "
        "update to 2 million cars."
    )
    units = [s.text for s in extract(read_text(text)).sentences]
    assert units[-1] == "The carmaker will send a software update to 2 million cars."


def test_initials_stay_inside_names() -> None:
    for text in (
        "George W. Bush said the plan would cost $2bn.",
        "J. A. Smith said the plan would cost $2bn.",
        "Michael J. Fox said the plan would cost $2bn.",
    ):
        assert len(extract(read_text(text)).sentences) == 1


def test_a_city_council_is_no_club() -> None:
    # review of session 29: "the city council" ends with no club's ending ("City" did inside it)
    text = (
        "Councillors have approved plans for a 52,888-seat stadium, the city council said on "
        "Tuesday. The club said the stadium would cost £760m."
    )
    assert speaker_of(text, "£760m") != "the city council"
