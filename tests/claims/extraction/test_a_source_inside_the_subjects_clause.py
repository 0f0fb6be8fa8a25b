""" "The planemaker, which has lost an estimated $10bn according to Anderson Economic Group,
said" (2026-12-07, session 32; a strike story written here).

When the subject of a verb of saying was a description the text gave no name for, the sentence
went on to its "according to", even one inside the clause about the subject: the consultancy
that estimated the loss became the speaker of what the planemaker said. A source cited only
before the verb of saying, in the subject's clause, is no speaker of it.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

STRIKE = (
    "The International Association of Machinists and Aerospace Workers (IAM) said 59% of "
    "members had voted in favour.\n\n"
    "The planemaker, which has lost an estimated $10bn during the walkout according to "
    "Anderson Economic Group, said production would restart within days."
)


def test_the_clauses_source_is_no_speaker() -> None:
    assert speaker_of(STRIKE, "production would restart") != "Anderson Economic Group"


def test_a_source_after_the_verb_still_speaks() -> None:
    text = "The planemaker said production would restart, according to Anderson Economic Group."
    assert speaker_of(text, "production would restart") == "Anderson Economic Group"


def test_a_named_subject_still_speaks() -> None:
    text = "Boeing, which has lost $10bn according to analysts, said production would restart."
    assert speaker_of(text, "production would restart") == "Boeing"
