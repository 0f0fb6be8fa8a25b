"""An Indian wire story's dateline and a school class (2026-12-07, session 29; PTI-style Delhi
copy written here).

"New Delhi, Jan 12 (PTI) The Delhi government on Friday announced free bus travel for all
students up to class 12, ..." kept its dateline in the claim's text and counted 12 of nothing:
a place in small letters, a day without its year and the agency in brackets open a wire story
(the agency its publisher), and "class 12", "grade 3" are names, no figures.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import quantities_found

STORY = (
    "Delhi govt announces free bus rides for students\n\n"
    "New Delhi, Jan 12 (PTI) The Delhi government on Friday announced free bus travel for all "
    "students up to class 12, a move that will benefit around 20 lakh students.\n"
)


def test_the_wire_dateline_is_no_part_of_the_claim() -> None:
    extraction = extract(read_text(STORY))
    unit = next(s for s in extraction.sentences if "free bus travel" in s.text)
    assert unit.text.startswith("The Delhi government on Friday")
    assert extraction.document.publisher == "PTI"


def test_a_school_class_is_no_figure() -> None:
    assert quantities_found("free travel for all students up to class 12") == []
    assert quantities_found("It has 12 classes.") == [(12.0, "classes", "12 classes")]
