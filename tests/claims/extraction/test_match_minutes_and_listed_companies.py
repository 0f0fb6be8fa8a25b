"""A live match report's minutes, and a listed company's type (2026-12-07, session 31; live
commentary and a markets report written here).

"60' Chelsea have had 62% of possession" counted 60 (and "45+2' GOAL!" 45 and 2): a minute
before an entry is no part of its text. "Shares in Rio Tinto rose 3.2% after the miner
reported ..." was a person's ("Rio Tinto"): the company whose shares trade is an organisation.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import unit_with

LIVE = (
    "45+2' GOAL! Arsenal 1-0 Chelsea. Saka curls one into the far corner.\n\n"
    "60' Chelsea have had 62% of possession but only two shots on target."
)


def test_a_minute_is_no_part_of_the_entry() -> None:
    unit = unit_with(LIVE, "62%")
    assert unit.text.startswith("Chelsea have had")
    assert [q.value for q in unit.quantities] == [62.0, 2.0]
    units = extract(read_text(LIVE)).sentences
    assert not any(q.value in {45.0, 60.0} for s in units for q in s.quantities)


def test_a_listed_company_is_an_organisation() -> None:
    unit = unit_with(
        "Shares in Rio Tinto rose 3.2% after the miner reported a 12% rise in iron ore shipments.",
        "3.2%",
    )
    assert (unit.speaker, unit.speaker_type) == ("Rio Tinto", "organization")
