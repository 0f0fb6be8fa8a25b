"""A parliament's written question and answer (2026-12-07, session 30; a written answer on NHS
dentists written here in the shape Parliament publishes).

"Answered by Stephen Kinnock (Minister of State, ...): In 2023-24, 24,193 dentists delivered NHS
care" was nobody's, with the label in the claim. The labels name who asked and who answered;
the answer's sentences are the minister's.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with

ANSWER = (
    "Written question UIN 12345, tabled on 3 March 2025\n\n"
    "Asked by Sarah Olney (Richmond Park): To ask the Secretary of State for Health and Social "
    "Care, how many NHS dentists were working in England in each of the last five years.\n\n"
    "Answered by Stephen Kinnock (Minister of State, Department of Health and Social Care): In "
    "2023-24, 24,193 dentists delivered NHS care in England. We have committed to creating "
    "700,000 extra urgent dental appointments."
)


def test_the_answer_is_the_ministers() -> None:
    unit = unit_with(ANSWER, "24,193")
    assert unit.speaker == "Stephen Kinnock"
    assert unit.text.startswith("In 2023-24")
    assert speaker_of(ANSWER, "700,000") == "Stephen Kinnock"


def test_the_question_is_the_askers() -> None:
    assert speaker_of(ANSWER, "how many NHS dentists") == "Sarah Olney"


def test_asked_by_alone_is_no_transcript() -> None:
    text = "Asked by Sarah Olney: The council spent £2m on consultants, the report found."
    assert unit_with(text, "£2m").text.startswith("Asked by")


def test_the_question_is_no_claim_without_its_question_mark() -> None:
    # session 31: "To ask the Secretary of State ..., how many ..." scored 0.91 (no "?")
    assert unit_with(ANSWER, "how many NHS dentists").checkworthiness < 0.3
    assert unit_with(ANSWER, "24,193 dentists").checkworthiness > 0.5
    question = "To ask His Majesty's Government what assessment they have made of bus fares."
    assert unit_with(question, "bus fares").checkworthiness < 0.3
