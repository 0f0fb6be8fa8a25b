""" "U.S. District Judge Lewis A. Kaplan ... the judge said" (2026-12-07, session 32; an AP
sentencing story written here).

A name with a middle initial ("Lewis A. Kaplan") was no person's full name to the role reader,
so "the judge" had no holder; where the sentence before named the defendant too, "the judge
said" was nobody's (which of two people, the text would not say).
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

SENTENCING = (
    "FTX founder Sam Bankman-Fried was sentenced on Thursday to 25 years in prison.\n\n"
    "U.S. District Judge Lewis A. Kaplan said Bankman-Fried had lied during his testimony. "
    '"He knew it was wrong," the judge said.'
)


def test_the_judge_with_a_middle_initial() -> None:
    assert speaker_of(SENTENCING, "He knew it was wrong") == "Lewis A. Kaplan"


def test_an_initial_alone_is_no_given_name() -> None:
    text = (
        "Sam Bankman-Fried was sentenced.\n\nJudge A. Kaplan said Bankman-Fried had lied. "
        '"He knew it was wrong," the judge said.'
    )
    assert speaker_of(text, "He knew it was wrong") != "Sam Bankman-Fried"
