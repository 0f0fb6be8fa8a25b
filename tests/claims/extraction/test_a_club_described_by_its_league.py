"""A club described by its league ("The Premier League club said") is the club the text
named, never the league."""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from tests.claims.extraction_helpers import unit_with


def test_the_premier_league_club_is_the_club_named() -> None:
    # Was "Premier League": the league's name inside the description was taken for the
    # organisation the sentence opens with.
    text = (
        "Arsenal have signed Declan Rice from West Ham for £105m.\n\n"
        "The Premier League club said the midfielder had signed a five-year contract."
    )
    unit = unit_with(text, "five-year contract")
    assert (unit.speaker, unit.speaker_type) == ("Arsenal", ORGANIZATION)


def test_with_three_candidates_the_description_stays_as_written() -> None:
    text = (
        "Chelsea have agreed a deal to sign the Brazilian winger from Palmeiras, backed by "
        "Clearlake Capital.\n\n"
        "The Premier League club said the player would join in July 2025."
    )
    assert unit_with(text, "join in July").speaker != "Premier League"


def test_a_product_in_the_description_is_still_no_candidate() -> None:
    text = "Nestlé has raised its prices by 8%.\n\nThe KitKat maker said costs had risen sharply."
    assert unit_with(text, "costs had risen").speaker == "Nestlé"
