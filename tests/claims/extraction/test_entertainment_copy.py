"""Found by reading entertainment and sports stories written in the styles of US wire copy:
a cinema chain's name, an age after a role."""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from claims.extraction.speaker_types import speaker_type
from tests.claims.extraction_helpers import quantities_found, unit_with


def test_cinema_chains_and_studios_are_organisations() -> None:
    # "AMC Theatres said" was typed a person: two capitalised words, no organisation's word.
    text = (
        "Swift's concert film, released in October, took $93 million in its opening weekend in "
        "North America, AMC Theatres said."
    )
    unit = unit_with(text, "$93 million")
    assert (unit.speaker, unit.speaker_type) == ("AMC Theatres", ORGANIZATION)
    for name in ("Cineworld Cinemas", "Marvel Studios", "Live Nation Entertainment"):
        assert speaker_type(name) == ORGANIZATION


def test_an_age_after_a_role() -> None:
    # "The singer, 33," counted 33 of nothing.
    assert quantities_found("The singer, 33, is due to play 89 more dates.")[0] == (
        33.0,
        "years old",
        "33",
    )
    assert quantities_found("The price, 33, rose.") == [(33.0, "", "33")]
