"""Think tanks and laboratories referred to by their noun (2026-12-07, session 28; tax and
tariff copy written here).

"The think tank said" after the Resolution Foundation spoke, and "the lab said in a report"
after "Economists at Yale's Budget Lab", were nobody's. A think tank is the organisation named
like one that spoke in this paragraph or the one before (never a business that just spoke, nor
a public body), before or after the verb or after "according to"; "the lab" is an organisation
noun.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

FOUNDATION = "The Resolution Foundation said incomes had fallen by 2%. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The think tank said 1.3 million children were in poverty.",
        "Some 1.3 million children were in poverty, said the think tank.",
        "Some 1.3 million children were in poverty, according to the think tank.",
    ],
)
def test_the_think_tank_is_the_one_that_spoke(sentence: str) -> None:
    assert speaker_of(FOUNDATION + sentence, "1.3 million") == "Resolution Foundation"


def test_a_think_tank_is_never_a_business_or_a_public_body() -> None:
    for before in (
        "Tesco said sales rose by 4%. ",
        "The Office for Budget Responsibility said growth would slow to 1%. ",
    ):
        text = before + "The think tank said 1.3 million children were in poverty."
        assert speaker_of(text, "1.3 million") == ""


def test_the_lab_is_the_laboratory_named_before() -> None:
    text = (
        "Economists at Yale's Budget Lab estimate the tariffs will raise about $150bn in 2025. "
        "The average household will pay $2,400 more a year, the lab said in a report."
    )
    assert speaker_of(text, "$2,400") == "Yale's Budget Lab"


def test_the_airports_own_estimates_are_the_airports() -> None:
    # session 28, airport copy: "estimates" read as a verb after "the airport's own", and
    # "the airport" was not remembered as Heathrow
    text = (
        "Heathrow handled a record 83.9 million passengers last year, the airport said on "
        "Tuesday. A third runway would add 260,000 flights a year, according to the airport's "
        "own estimates."
    )
    assert speaker_of(text, "260,000") == "Heathrow"
