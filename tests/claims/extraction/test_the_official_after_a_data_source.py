""" "The official added" refers back to an official the text introduced, not to an
organisation cited only for its data ("..., according to U.S. Customs and Border Protection
data")."""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with

TALKS = (
    "A senior administration official, who spoke on condition of anonymity, said the two sides "
    "were about $14 billion apart.\n\n"
    "More than 2.4 million migrants were encountered at the southern border in fiscal year "
    "2023, according to U.S. Customs and Border Protection data.\n\n"
    "The official added that talks would resume on Thursday."
)


def test_the_official_is_not_the_data_sources() -> None:
    # Was "U.S. Customs and Border Protection official": the organisation of the sentence
    # before, though it only supplied the figure.
    assert unit_with(TALKS, "resume on Thursday").speaker == ""


def test_an_organisations_spokesman_after_it_spoke() -> None:
    text = (
        "The Home Office said 20,000 people had crossed. The spokesman added that the figure "
        "was rising."
    )
    assert unit_with(text, "rising").speaker == "Home Office spokesman"
    text = "Sales rose 4%, according to ONS figures. A spokesman said the data was provisional."
    assert unit_with(text, "provisional").speaker == "ONS spokesman"
