""" "The transport minister has defended plans ..., saying ..." (2026-12-07, session 33; a rail
story written here).

The lede's participle was attributed only to a subject of one word after "the" ("The minister
wrote to MPs, saying ..."): with a word describing it ("The transport minister") the
description stopped at "transport", no role, and the lede was nobody's. The head noun is read
now, so the role waits for the person the next paragraph names, as "The transport minister has
said ..." does.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

LEDE = (
    "The {role} has defended plans to cut 1,100 rail services a week, saying passenger numbers "
    "are still 20% below pre-pandemic levels.\n\n"
    "Speaking to Sky News on Sunday, Mark Harper said the changes reflected 2 trends."
)


def test_the_described_role_is_the_person_named_next() -> None:
    assert speaker_of(LEDE.format(role="transport minister"), "1,100 rail") == "Mark Harper"
    assert speaker_of(LEDE.format(role="minister"), "1,100 rail") == "Mark Harper"


def test_a_description_of_no_role_names_no_one() -> None:
    assert speaker_of(LEDE.format(role="rail timetable"), "1,100 rail") == ""
