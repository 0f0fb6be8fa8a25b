"""Royal households and a participle opening a sentence (2026-12-07, session 29; royal and
Vatican copy written here).

"..., Buckingham Palace has announced." and "..., Kensington Palace said." were typed people,
and "A palace spokesman said" was nobody's: a palace speaks for its household, as a seat of
government does. "Speaking to about 60,000 people in St Peter's Square, the 87-year-old
pontiff said: ..." was "Speaking"'s: a participle opening the sentence was read as its subject.
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import speaker_of, unit_with

PALACE = (
    "King Charles will resume public duties next week, Buckingham Palace has announced. "
    'A palace spokesman said doctors were "very encouraged" by his 75% recovery.'
)


def test_a_palace_is_an_organisation() -> None:
    unit = unit_with(PALACE, "resume public duties")
    assert (unit.speaker, unit.speaker_type) == ("Buckingham Palace", ORGANIZATION)
    assert speaker_of(PALACE, "75%") == "Buckingham Palace spokesman"


def test_an_opening_participle_is_no_speaker() -> None:
    text = (
        "Pope Francis has called for a ceasefire in Gaza.\n\n"
        "Speaking to about 60,000 people in St Peter's Square, the 87-year-old pontiff said: "
        '"Let us not allow the current hostilities to continue."'
    )
    assert speaker_of(text, "60,000") != "Speaking"
