"""Found by reading a central-bank story written in the style of US network news: a
correction note with its date, a bank's projections as its source."""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import unit_with

STORY = (
    "The Federal Reserve held interest rates steady on Wednesday.\n\n"
    "Officials now expect inflation to fall to 2.4% by the end of the year, according to the "
    "Fed's quarterly projections.\n\n"
    "CORRECTION (March 21, 2024, 9:00 a.m. ET): An earlier version of this article misstated "
    "the range of the Fed's benchmark rate. It is 5.25% to 5.5%, not 5% to 5.25%."
)


def test_a_dated_correction_note_is_no_claim() -> None:
    # Both of its sentences were claims (0.89 and 0.83): the note's label was read only when
    # a colon followed it at once.
    texts = [s.text for s in extract(read_text(STORY)).sentences]
    assert not [t for t in texts if "CORRECTION" in t or "not 5% to 5.25%" in t]


def test_a_banks_projections_are_its_words() -> None:
    # Nobody's: "projections" was no document a source publishes ("the Fed's report" was).
    assert unit_with(STORY, "2.4%").speaker == "Federal Reserve"
