"""A source given with "per" before an owner ("..., per its earnings report", "..., per the
company's filings"), as "according to" is; the sources a report cites are no figure."""

from __future__ import annotations

from tests.claims.extraction_helpers import quantities_found, unit_with


def test_per_its_report_is_the_companys() -> None:
    # Nobody's: "per" was a source only before a capital ("per FactSet data").
    for source in ("per its earnings report", "per the company's earnings report"):
        text = f"Netflix added 8.8 million subscribers in the quarter, {source}."
        assert unit_with(text, "8.8 million").speaker == "Netflix"
    assert unit_with("Prices rose 5 per cent, per FactSet data.", "5 per cent").speaker == (
        "FactSet"
    )


def test_the_sources_a_report_cites_are_no_figure() -> None:
    # "citing two sources" counted 2 sources, as "according to two officials" does not.
    text = (
        "The deal values the company at $10 billion, the Financial Times reported on Friday, "
        "citing two sources."
    )
    assert quantities_found(text) == [(1e10, "dollars", "$10 billion")]
    assert quantities_found("The report, citing 12 studies, found a link.") == [
        (12.0, "studies", "12 studies")
    ]
