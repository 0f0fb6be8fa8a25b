"""Initials the page spells out elsewhere (2026-12-07, session 27; a car-recall story written
here): "according to NHTSA data" was "NHTSA" while the same page's first sentence was the
"National Highway Traffic Safety Administration"'s, two names for one speaker on the desk (on
one of the 26 pages read each session, "PETA said" under "People for the Ethical Treatment of
Animals said" likewise)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

RECALL = """Ford is recalling nearly 1.9 million Explorer SUVs in the US, the National Highway \
Traffic Safety Administration said on Tuesday.

Ford has issued 67 recalls in the US this year, more than any other carmaker, according to \
NHTSA data.
"""


def test_initials_are_the_name_the_page_spells_out() -> None:
    speakers = [s.speaker for s in extract(read_text(RECALL)).sentences]
    assert speakers == ["National Highway Traffic Safety Administration"] * 2


def test_initials_the_page_never_spells_out_stay() -> None:
    text = "Ford has issued 67 recalls in the US this year, according to NHTSA data."
    assert extract(read_text(text)).sentences[0].speaker == "NHTSA"


def test_estimates_of_a_figure_are_no_verb() -> None:
    # "Wall Street estimates of $124.1bn" made "Wall Street" a person who estimated.
    text = (
        "Revenue rose 4% to $124.3bn, slightly above Wall Street estimates of $124.1bn, "
        "according to LSEG data."
    )
    assert extract(read_text(text)).sentences[0].speaker == "LSEG"


@pytest.mark.parametrize(
    "text",
    [
        "The Rail, Tram and Bus Union (RTBU) said 40 services would be cancelled.",
        "Drivers will strike on Friday over 40 jobs, the Rail, Tram and Bus Union (RTBU) said.",
    ],
)
def test_a_name_with_a_comma_inside_is_whole_as_its_initials_spell_it(text: str) -> None:
    # session 28 (from session 23's list): was "Tram and Bus Union", cut at the comma
    assert speaker_of(text, "40") == "Rail, Tram and Bus Union"
