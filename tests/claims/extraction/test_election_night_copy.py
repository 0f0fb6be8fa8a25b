"""By-election copy (2026-12-07, session 28; a by-election result written here).

"..., according to elections expert Professor John Curtice." was nobody's: a person's role in
small letters before the name ("elections expert", "polling expert") stopped the reader, which
only knew organisations' descriptors ("the charity Shelter").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "source",
    ["elections expert Professor John Curtice", "polling expert John Curtice"],
)
def test_a_persons_role_before_the_name_after_according_to(source: str) -> None:
    text = f"The swing was the largest since 1994, according to {source}."
    assert speaker_of(text, "1994") == "John Curtice"
