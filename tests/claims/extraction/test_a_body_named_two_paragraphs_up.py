""" "The agency said" two paragraphs after "a prosecution brought by the Environment Agency"
(2026-12-07, session 33; a water-company page written here).

A body named in passing was read back only from this paragraph or the one before, so a
judge's paragraph in between left "The agency said" nobody's. The one body the noun names
("agency": the Environment Agency) two paragraphs up is read now; three paragraphs up stays
too far (test_organisations), and two such bodies leave it nobody's.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

COURT = (
    "The fine was handed down on Monday after a prosecution brought by {bodies}.\n\n"
    'Judge Paul Sloan KC said the firm had shown "a cavalier disregard" for the environment.\n\n'
    "The agency said spills had killed 4,500 fish in 2021."
)


def test_the_one_agency_two_paragraphs_up() -> None:
    text = COURT.format(bodies="the Environment Agency")
    assert speaker_of(text, "4,500 fish") == "Environment Agency"


def test_two_agencies_leave_it_unnamed() -> None:
    text = COURT.format(bodies="the Environment Agency and the Food Standards Agency")
    assert speaker_of(text, "4,500 fish") == ""
