"""An agency named by its initials, and its office (2026-12-07, session 29; space copy written
here).

"NASA Administrator Bill Nelson told a ceremony ... The mission is scheduled to launch ..., the
agency said." was the Canadian Space Agency's, named in passing a paragraph before ("Jeremy
Hansen of the Canadian Space Agency"): NASA, named only in its administrator's title, was no
organisation the sentence named, and its initials hide the word "agency". A body named in an
office before a person's name is named there too; an agency's initials (NASA, FAA, FDA ...)
are a public body's, the most recent of which "the agency" means; never an umbrella ("The UN
agency"). "according to NASA's inspector general" is NASA's office (was nobody's).
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

ARTEMIS = (
    "NASA has named the four astronauts who will fly around the Moon on Artemis II.\n\n"
    "The crew includes Jeremy Hansen of the Canadian Space Agency.\n\n"
    '"We are going," NASA Administrator Bill Nelson told a ceremony in Houston. '
    "The mission will launch in September 2025, the agency said."
)


def test_the_agency_is_the_one_whose_head_just_spoke() -> None:
    assert speaker_of(ARTEMIS, "September 2025") == "NASA"


def test_an_agencys_office_after_according_to() -> None:
    text = "The Artemis programme will cost $93bn by 2025, according to NASA's inspector general."
    assert speaker_of(text, "$93bn") == "NASA inspector general"
