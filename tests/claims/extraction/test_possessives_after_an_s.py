"""A name's possessive with an apostrophe alone after its final s, as AP style writes it
("Mayor Eric Adams' office said"), is read as "'s" is (claims.extraction.possessives)."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON
from claims.extraction.possessives import with_s_possessives
from tests.claims.extraction_helpers import unit_with


def test_a_persons_office_and_campaign_after_an_s() -> None:
    # "Eric Adams'" (with its apostrophe, typed a person) was the speaker; "Kamala Harris'
    # campaign said" was the campaign's only when written "Harris's".
    unit = unit_with("Mayor Eric Adams' office said the city would help.", "would help")
    assert (unit.speaker, unit.speaker_type) == ("Eric Adams's office", ORGANIZATION)
    unit = unit_with("Kamala Harris' campaign said it raised $81 million.", "$81 million")
    assert unit.speaker == "Kamala Harris's campaign"


def test_a_surname_alone_resolves_through_it() -> None:
    text = "His lawyer, Tom Jones, said the case was weak. Jones' office said he would appeal."
    assert unit_with(text, "case was weak").speaker == "Tom Jones"
    assert unit_with(text, "would appeal").speaker == "Tom Jones's office"
    assert unit_with(text, "case was weak").speaker_type == PERSON


def test_only_a_names_possessive_before_what_speaks_for_it() -> None:
    assert with_s_possessives("Lawmakers' aides said") == "Lawmakers' aides said"
    assert with_s_possessives("'I love the Beatles' she said.") == "'I love the Beatles' she said."
    assert with_s_possessives("the Williams' house burned") == "the Williams' house burned"
    assert with_s_possessives("Chris Williams\u2019 lawyer said") == "Chris Williams's lawyer said"
