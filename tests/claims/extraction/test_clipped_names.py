"""An organisation's clipped name after its full one (2026-12-07, session 30; a London march
written here).

"The Metropolitan Police estimated the crowd at 100,000. ... The Met said 12 people had been
arrested" gave the arrests to an organisation called "Met"; "The Fed said" after "The Federal
Reserve" to "Fed". A short word that clips the first word of the one organisation named in full
before is that organisation.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_met_is_the_metropolitan_police() -> None:
    text = (
        "The Metropolitan Police estimated the crowd at 100,000.\n\n"
        "The Met said 12 people had been arrested."
    )
    assert speaker_of(text, "12 people") == "Metropolitan Police"


def test_the_fed_is_the_federal_reserve() -> None:
    text = "The Federal Reserve held rates at 4.5%.\n\nThe Fed said inflation remained above 2%."
    assert speaker_of(text, "above 2%") == "Federal Reserve"


def test_a_clipped_name_alone_stays_as_written() -> None:
    assert speaker_of("The Met said 12 people had been arrested.", "12 people") == "Met"


def test_her_spokesperson_after_a_named_subject_with_her_age() -> None:
    # session 30, the same march story: "Thunberg, 22, was released ..., her spokesperson
    # said" was nobody's once the police had spoken between (the age hid the clause's subject)
    text = (
        "Climate activist Greta Thunberg was among 20 people detained by police.\n\n"
        "Copenhagen Police said on X that the protesters had blocked a building.\n\n"
        "Thunberg, 22, was released without charge a few hours later, her spokesperson said."
    )
    assert speaker_of(text, "released without charge") == "Greta Thunberg's spokesperson"
