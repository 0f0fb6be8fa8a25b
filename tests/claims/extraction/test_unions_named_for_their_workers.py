""" "General Motors and the United Auto Workers reached a deal. The carmaker said" (2026-12-07,
session 32; a strike story written here).

A union named for its members ("United Auto Workers", "... and Aerospace Workers") was a
business candidate beside the carmaker, so "The carmaker said" named nobody; and "General" was
read as a title before "Motors", so General Motors was "Motors".
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


def test_the_carmaker_beside_a_union() -> None:
    text = (
        "General Motors and the United Auto Workers reached a deal on Friday.\n\n"
        "The carmaker said production would resume."
    )
    assert speaker_of(text, "production would resume") == "General Motors"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("General Motors said sales rose 5%.", "General Motors"),
        ("General Electric said profits fell.", "General Electric"),
        ("General Mark Milley said the war would last years.", "Mark Milley"),
    ],
)
def test_general_before_a_business_word(text: str, speaker: str) -> None:
    assert speaker_of(text, text[:12]) == speaker


def test_a_union_is_never_the_company() -> None:
    text = (
        "The United Auto Workers said 48,000 members would strike.\n\n"
        "The company said talks would continue."
    )
    assert speaker_of(text, "talks would continue") == ""
