"""A survey's name with a relative clause, and a Q&A without a headline (2026-12-07, session
31; a thread on crime figures and a Q&A on a childcare scheme written here).

"But the Crime Survey, which asks people directly, estimates 9.5 million incidents." was
"Crime"'s: a report noun before the clause names whose report it is ("The Environment Agency
report, published on Thursday, said"), but a capitalised one is part of the name. "Q. How much
will the new scheme cost?" was the page's title.
"""

from __future__ import annotations

from claims.extraction import read_text
from tests.claims.extraction_helpers import speaker_of


def test_a_survey_named_so_keeps_its_name() -> None:
    text = "But the Crime Survey, which asks people directly, estimates 9.5 million incidents."
    assert speaker_of(text, "9.5 million") == "Crime Survey"


def test_a_report_noun_in_small_letters_still_names_its_owner() -> None:
    text = "The Environment Agency report, published on Thursday, said 2,000 homes flooded."
    assert speaker_of(text, "2,000 homes") == "Environment Agency"


def test_a_question_label_is_no_title() -> None:
    text = (
        "Q. How much will the new scheme cost?\n"
        "A. The Treasury estimates the scheme will cost £1.2bn over five years.\n\n"
        "Q. Who is eligible?\n"
        "A. About 400,000 families with children under five will qualify."
    )
    assert read_text(text).title == ""
