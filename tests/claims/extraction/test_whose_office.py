"""A department named by "whose" (2026-12-07, session 31; a wind-farm story written here).

"It was approved by Energy Secretary Ed Miliband, whose department said it would create 1,000
jobs." named nobody: "whose department" is the department of the name before the comma, and
"whose spokesman" the spokesman of an organisation named so ("Thames Water").
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_whose_department_is_the_named_persons() -> None:
    text = (
        "It was approved by Energy Secretary Ed Miliband, whose department said it would create "
        "1,000 jobs."
    )
    assert speaker_of(text, "1,000 jobs") == "Ed Miliband's department"


def test_whose_company_after_a_company() -> None:
    text = "The site was sold to Thames Water, whose spokesman said 300 jobs would go."
    assert speaker_of(text, "300 jobs") == "Thames Water spokesman"
