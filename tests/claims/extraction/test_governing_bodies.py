"""Sport's governing bodies named "World ..." (2026-12-07, session 28; rugby copy written here).

"Ireland have won their last four matches against England, according to World Rugby" typed
World Rugby a person (two capitalised words, as a name reads): "World" opens an organisation's
name, as "National" and "Royal" do.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    "sentence",
    [
        "Ireland have won their last four matches against England, according to World Rugby.",
        "World Athletics said 40 athletes had failed drug tests this year.",
    ],
)
def test_a_world_body_is_an_organisation(sentence: str) -> None:
    unit = unit_with(sentence, " ")
    assert unit.speaker.startswith("World ")
    assert unit.speaker_type == ORGANIZATION
