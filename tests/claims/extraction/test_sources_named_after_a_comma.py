"""A source described, then named after a comma (2026-12-07, session 29; concert ticket copy
written here).

"..., according to the band's promoter, SJM Concerts." was nobody's ("promoter" was no word that
introduces an organisation, and a comma stood between the description and the name); a name so
introduced by an organisation's noun is an organisation, one introduced by a role a person.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("source", "speaker", "kind"),
    [
        ("the band's promoter, SJM Concerts", "SJM Concerts", ORGANIZATION),
        ("the charity, Shelter", "Shelter", ORGANIZATION),
        ("promoter SJM Concerts", "SJM Concerts", ORGANIZATION),
        ("the band's manager, Marcus Russell", "Marcus Russell", PERSON),
    ],
)
def test_the_source_named_after_its_description(source: str, speaker: str, kind: str) -> None:
    unit = unit_with(f"About 10 million people tried to buy tickets, according to {source}.", "10")
    assert (unit.speaker, unit.speaker_type) == (speaker, kind)
