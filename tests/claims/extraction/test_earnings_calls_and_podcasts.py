"""Earnings-call and podcast transcripts (2026-12-07, session 30; a call, a podcast and an oral
argument written here).

An earnings call labels each turn with the speaker's role or firm after a comma ("Jane Miller,
Chief Executive Officer:") and the operator by the role alone ("Operator:"); a podcast puts a
timestamp before the label ("[00:01:08] Maria Chen:") and has one guest beside its host. Every
turn was nobody's and the labels stayed in the claims' text ("Tom Reyes, Chief Financial
Officer: Gross margin came in at 41.5%"); a transcript with no headline took one of its turns
as its title ("JUSTICE GORSUCH: How many people are affected?").
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with

CALL = (
    "Acme Corp Q3 2025 Earnings Call Transcript\n\n"
    "Operator: Good morning, and welcome to Acme Corporation's third-quarter earnings call.\n\n"
    "Jane Miller, Chief Executive Officer: Thank you, operator. Revenue for the quarter was "
    "$4.2 billion, up 12% from a year ago.\n\n"
    "Tom Reyes, Chief Financial Officer: Gross margin came in at 41.5%, and we returned $800 "
    "million to shareholders through buybacks.\n\n"
    "Operator: Our first question comes from Sarah Lin with Morgan Stanley.\n\n"
    "Sarah Lin, Morgan Stanley: Thanks. Can you talk about demand in China?\n\n"
    "Jane Miller, Chief Executive Officer: Sure. Sales in China fell 7% in the quarter."
)

PODCAST = (
    "[00:00:12] Host: Welcome back to the show. Today I'm joined by economist Maria Chen.\n\n"
    "[00:00:20] Maria Chen: Thanks for having me. Inflation fell to 2.3% in October.\n\n"
    "[00:01:05] Host: And wages?\n\n"
    "[00:01:08] Maria Chen: Real wages have risen for 14 consecutive months."
)


def test_an_earnings_calls_turns_are_their_speakers_without_the_labels() -> None:
    assert speaker_of(CALL, "$4.2 billion") == "Jane Miller"
    unit = unit_with(CALL, "41.5%")
    assert unit.speaker == "Tom Reyes"
    assert unit.text.startswith("Gross margin")
    assert speaker_of(CALL, "fell 7%") == "Jane Miller"


def test_the_operators_turns_are_nobodys() -> None:
    unit = unit_with(CALL, "welcome to Acme")
    assert unit.speaker == ""
    assert unit.text.startswith("Good morning")


def test_a_podcasts_guest_answers_after_timestamps() -> None:
    unit = unit_with(PODCAST, "14 consecutive months")
    assert unit.speaker == "Maria Chen"
    assert unit.text.startswith("Real wages")
    assert speaker_of(PODCAST, "2.3%") == "Maria Chen"


def test_a_transcripts_turn_is_no_headline() -> None:
    text = (
        "JUSTICE KAGAN: But counsel, the statute says nothing about 30 days.\n\n"
        "MR. HARTLEY: Your Honor, the agency has applied a 30-day rule since 1994.\n\n"
        "JUSTICE GORSUCH: How many people are affected?\n\n"
        "MR. HARTLEY: About 2 million applicants a year, Justice Gorsuch."
    )
    assert read_text(text).title == ""
    assert read_text(PODCAST).title == ""
    assert read_text(CALL).title == "Acme Corp Q3 2025 Earnings Call Transcript"


def test_one_named_label_with_a_role_is_no_transcript() -> None:
    text = (
        "Council approves budget\n\n"
        "Note: This article was updated on Friday.\n\n"
        "Jane Miller, the council leader, said the budget would rise by 4%."
    )
    extraction = extract(read_text(text))
    assert speaker_of(text, "4%") == "Jane Miller"
    assert [s.text for s in extraction.sentences if "updated" in s.text] == [
        "Note: This article was updated on Friday."
    ]
