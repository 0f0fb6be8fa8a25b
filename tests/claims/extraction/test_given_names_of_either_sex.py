""" "He said" after "said Jean Dupont, a cereal farmer from northern France" (2026-12-07, session
33; a farmers' protest story written here).

"Jean" and "Andrea" were women's names only (the hand list), so "He said he had driven 300km"
after Jean Dupont's quotes was nobody's. Both are given to either sex (Jean Castex, Andrea
Pirlo; Jean Smith, Andrea Leadsom): they name a person of either sex now, whom the first "he"
or "she" fixes.
"""

from __future__ import annotations

import pytest

from claims.extraction.given_names import first_name_genders
from tests.claims.extraction_helpers import speaker_of

PROTEST = (
    '"We are being strangled by red tape," said {name}, a cereal farmer from northern France.\n\n'
    "{pronoun} said {object} had driven 300km to attend the protest."
)


@pytest.mark.parametrize(
    ("name", "pronoun", "object"),
    [("Jean Dupont", "He", "he"), ("Jean Dupont", "She", "she"), ("Andrea Rossi", "He", "he")],
)
def test_either_pronoun_is_theirs(name: str, pronoun: str, object: str) -> None:
    text = PROTEST.format(name=name, pronoun=pronoun, object=object)
    assert speaker_of(text, "300km") == name


def test_the_names_mark_no_sex() -> None:
    names = first_name_genders()
    assert names["jean"] == "" and names["andrea"] == ""
    assert names["nicola"] == "f"  # Nicola Sturgeon: kept a woman's name
