"""A union is never the business it is in dispute with, and "A Northern spokesperson" is
Northern speaking (2026-12-07, session 29; an HTML rail-strike page written here).

"The operator said it expected to run no services" was the Aslef union's: "the operator" took
the last organisation that spoke, a union. A union (introduced as one, "the Aslef union", or
named so) is no business for "the company", "the operator" or "the firm"; and the owner of an
unnamed voice ("A Northern spokesperson said") is an organisation that spoke, so "the operator"
is Northern. A person's spokesman ("Trump spokesman" after Donald Trump) makes no organisation.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

STRIKE = (
    "Train drivers at Northern will strike on 11 March, the Aslef union has announced. "
    "Aslef said 94% of its members had voted for action.\n\n"
)


def test_the_operator_is_never_the_union() -> None:
    text = STRIKE + "The operator said it expected to run 40% of services."
    assert speaker_of(text, "40%") == ""


def test_the_operator_is_the_business_whose_spokesperson_spoke() -> None:
    text = (
        STRIKE
        + 'A Northern spokesperson said: "We are disappointed."\n\n'
        + "The operator said it expected to run 40% of services."
    )
    assert speaker_of(text, "40%") == "Northern"


def test_a_union_named_so_is_no_company() -> None:
    text = (
        "The Communication Workers Union said 115,000 staff would strike.\n\n"
        "The company said 60% of letters would still be delivered."
    )
    assert speaker_of(text, "60%") == ""


def test_a_persons_spokesman_makes_no_organisation() -> None:
    text = (
        "Donald Trump said tariffs would raise $600bn. A Trump spokesman said the plan was "
        "final.\n\nThe company said prices would rise by 5%."
    )
    assert speaker_of(text, "5%") == ""
