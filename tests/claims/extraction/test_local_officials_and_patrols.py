"""US local news: a city's police officials and a highway patrol (2026-12-07, session 32;
local TV copy written here).

"Phoenix police officials said" and "Leeds council officials said" named nobody, though
"Phoenix police said" and "Leeds council said" were theirs; "Met Police officers said" too.
"according to a news release from the California Highway Patrol" gave a person: "Patrol" was
no organisation's word.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Phoenix police officials said 14 people had been arrested.", "Phoenix police officials"),
        ("Leeds council officials said 14 people had been evicted.", "Leeds council officials"),
        ("Met Police officers said 14 people had been arrested.", "Met Police officers"),
        ("Phoenix police said 14 people had been arrested.", "Phoenix police"),  # unchanged
        (
            "Two people were killed, according to a news release from the California Highway "
            "Patrol.",
            "California Highway Patrol",
        ),
    ],
)
def test_the_body_that_spoke(text: str, speaker: str) -> None:
    unit = unit_with(text, text[:10])
    assert (unit.speaker, unit.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize(
    "text", ["Israeli officers said 14 people had been arrested.", "Police officers said so."]
)
def test_a_vague_group_stays_unnamed(text: str) -> None:
    assert unit_with(text, text[:10]).speaker == ""
