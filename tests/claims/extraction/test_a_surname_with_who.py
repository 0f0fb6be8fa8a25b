"""A surname alone, described with "who" (2026-12-07, session 30; council copy written here).

'"We have no choice," said Reed, who has worked for the council for 20 years.' typed Reed an
organisation (a one-word name the page never writes in full): a "who" after the name says it
is a person's, as a "which" says an organisation's.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with


def test_a_who_after_a_surname_makes_a_person() -> None:
    text = '"We have no choice," said Reed, who has worked for the council for 20 years.'
    unit = unit_with(text, "no choice")
    assert (unit.speaker, unit.speaker_type) == ("Reed", "person")


def test_a_which_after_a_name_keeps_an_organisation() -> None:
    text = "Ofwat, which regulates water companies, said bills would rise by 36%."
    unit = unit_with(text, "36%")
    assert (unit.speaker, unit.speaker_type) == ("Ofwat", "organization")
