"""A name written with its question or exclamation mark (2026-12-07, session 31; session 30's
list: a consumer group's super-complaint written here).

"The super-complaint, lodged by Which?, says ..." named nobody: the mark ended the name's
reading, and "super-complaint" was no complaint. "Which? said ..." opening a sentence stays
nobody's, as "Who? said nobody." must (test_companies_and_agents.py).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "The super-complaint, lodged by Which?, says 2 million customers were overcharged.",
        "The complaint, lodged by consumer group Which?, says 2 million customers were "
        "overcharged.",
    ],
)
def test_which_with_its_mark(text: str) -> None:
    assert speaker_of(text, "2 million") == "Which?"


def test_a_hyphenated_complaint_is_a_complaint() -> None:
    text = "The super-complaint, lodged by Citizens Advice, says 2 million customers paid."
    assert speaker_of(text, "2 million") == "Citizens Advice"


def test_a_quoted_question_is_no_name() -> None:
    assert speaker_of('"Why?" she said, adding that 2 million people had paid.', "2 million") == ""
