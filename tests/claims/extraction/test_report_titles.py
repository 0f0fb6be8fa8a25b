"""A report named by its title (2026-12-07, session 28; a UN hunger report written here).

"The State of Food Security and Nutrition in the World report, published by five UN agencies,
said ..." was "World"'s: the last capitalised word of the title, before "report", read as the
report's owner ("The Environment Agency report said").
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_end_of_a_reports_title_is_no_owner() -> None:
    text = (
        "The State of Food Security and Nutrition in the World report, published by five UN "
        'agencies, said the world was "far off track" to end hunger by 2030.'
    )
    assert speaker_of(text, "2030") != "World"
    text = "The Environment Agency report, published on Thursday, said 40 rivers were polluted."
    assert speaker_of(text, "40 rivers") == "Environment Agency"
