"""An age for the person just named (2026-12-07, session 26): `Coach Tom Reilly took the
blame. "I picked the wrong team," the 54-year-old added` is his; an age the page gave someone
unnamed, or gives twice, is nobody's guess."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text


def _last_speaker(text: str) -> str:
    return extract(read_text(text)).sentences[-1].speaker


def test_an_age_first_given_right_after_a_name_is_that_persons() -> None:
    # It was nobody's.
    text = (
        'Coach Tom Reilly took the blame. "I picked the wrong team," the 54-year-old added, '
        '"and I\'m sorry."'
    )
    assert _last_speaker(text) == "Tom Reilly"


@pytest.mark.parametrize(
    "text",
    [
        # someone unnamed has that age
        "Police said a 34-year-old man had been arrested. Det Insp Sarah Lloyd said inquiries "
        "were continuing. The 34-year-old told officers he was innocent.",
        # the age was someone else's before
        "Judge Mark Harris jailed the 54-year-old for six years. The 54-year-old told the court "
        "he was sorry.",
        # two people named
        "Tom Hart met Ann Lee on Friday. The 54-year-old said the talks had gone well.",
    ],
)
def test_an_age_that_may_be_someone_elses_is_nobodys(text: str) -> None:
    assert _last_speaker(text) == ""


def test_an_age_given_with_the_name_is_still_theirs() -> None:
    text = "Tom Hart, 54, and Ann Lee, 34, were charged. The 34-year-old said she was innocent."
    assert _last_speaker(text) == "Ann Lee"
