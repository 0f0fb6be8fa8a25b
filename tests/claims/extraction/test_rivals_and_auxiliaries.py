""" "Rival easyJet said" and "Ryanair has cut its fares" (2026-12-07, session 32; an airline's
results written here).

"Rival easyJet said" named nobody and "Rival Jet2 said" gave "Rival Jet2", a person: "Rival"
before a business's name is what it is, as "Carmaker" is. "Ryanair has cut its average fares
... Profit after tax fell 46% to €360m, the company said" named nobody: a subject that does
something to its own was read only with the verb right after it ("Ryanair cut its"), not after
"has" or "will".
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rival easyJet said its bookings were in line with expectations.", "easyJet"),
        ("Rival Jet2 said its bookings were strong.", "Jet2"),
        ("Rival Wizz Air said its bookings were strong.", "Wizz Air"),
        ("Rivals Tesco and Asda said prices would fall.", "Tesco and Asda"),
    ],
)
def test_a_rival_by_its_name(text: str, speaker: str) -> None:
    unit = unit_with(text, "said")
    assert (unit.speaker, unit.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("Ryanair has cut its average fares by 7% in the three months to June.", "Ryanair"),
        ("Tesco will close its stores in Wales.", "Tesco"),
        ("John Smith has sold its shares.", ""),  # a given name: a person's doing
    ],
)
def test_its_own_after_an_auxiliary(opening: str, speaker: str) -> None:
    text = f"{opening}\n\nProfit fell 46% to €360m, the company said."
    assert unit_with(text, "€360m").speaker == speaker
