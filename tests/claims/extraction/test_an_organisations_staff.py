"""An organisation speaking through its staff: "Its forecasters said" after the Met Office,
"Economists at the agency said" (the agency the text named, not "Economists")."""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import unit_with

WARNING = "The Met Office has issued an amber warning for heat across southern England.\n\n"


def test_its_forecasters_are_the_organisations() -> None:
    # Nobody's: a plural group was no speaker, and "Its" was not read.
    unit = unit_with(WARNING + "Its forecasters said temperatures could reach 34C.", "34C")
    assert (unit.speaker, unit.speaker_type) == ("Met Office forecasters", ORGANIZATION)
    text = (
        "Goldman Sachs raised its forecast for the S&P 500 to 6,000.\n\n"
        "Its analysts said earnings would grow by 10% next year."
    )
    unit = unit_with(text, "earnings would grow")
    assert (unit.speaker, unit.speaker_type) == ("Goldman Sachs analysts", ORGANIZATION)


def test_forecasters_of_nobody_named_stay_nobodys() -> None:
    text = "Forecasters said temperatures could reach 34C on Friday."
    assert unit_with(text, "34C").speaker == ""


def test_staff_at_the_agency_are_the_agencys() -> None:
    # "Economists" (a plural typed nothing) was the speaker: the words before "agency" were
    # read as a news agency's name ("Yonhap news agency reported").
    text = WARNING + "Economists at the agency said the heat would cost £1bn."
    assert unit_with(text, "£1bn").speaker == "Met Office"
    assert unit_with("Yonhap news agency reported that 12 people died.", "12 people").speaker == (
        "Yonhap"
    )
