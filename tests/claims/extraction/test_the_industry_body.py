""" "The industry body" and "the trade body" (2026-12-07, session 31; a water-bills story
written here).

"Water bills will rise by an average of £123 a year, Water UK said. The industry body said
companies needed to invest £104bn" named nobody: "body" was no organisation's noun, and the
headline's "Water" ("Water bills to rise ...") stood beside Water UK as a second candidate.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

BILLS = (
    "Water bills to rise by average of £123\n\n"
    "Water bills in England and Wales will rise by an average of £123 a year, Water UK said.\n\n"
    "The {noun} said companies needed to invest £104bn to cut sewage spills."
)


@pytest.mark.parametrize("noun", ["industry body", "trade body", "body"])
def test_the_body_that_spoke(noun: str) -> None:
    assert speaker_of(BILLS.format(noun=noun), "£104bn") == "Water UK"


def test_a_body_with_no_organisation_named_is_nobody() -> None:
    text = "The committee heard 12 experts.\n\nThe body said companies needed to invest £104bn."
    assert speaker_of(text, "£104bn") == ""
