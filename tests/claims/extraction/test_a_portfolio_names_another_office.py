"""A minister named by portfolio is no premier (2026-12-07, session 31; a Jasper wildfire story
written here).

"Alberta Premier Danielle Smith said ... The Canadian military sent 200 personnel to help, the
defence minister said." was Danielle Smith's: a leading role (premier, leader) passes for any
role ("the CDU chief" may be "Opposition leader Friedrich Merz"), but not for a minister of a
portfolio.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

FIRE = (
    "Alberta Premier Danielle Smith said the fire had destroyed 358 of the town's buildings.\n\n"
    "The Canadian military sent 200 personnel to help, the {who} said."
)


def test_the_defence_minister_is_no_premier() -> None:
    assert speaker_of(FIRE.format(who="defence minister"), "200 personnel") == ""


def test_the_premier_is_still_the_premier() -> None:
    assert speaker_of(FIRE.format(who="premier"), "200 personnel") == "Danielle Smith"


def test_a_defence_minister_named_so_is_the_defence_minister() -> None:
    text = (
        "Defence Minister Bill Blair said the army was ready.\n\n"
        "The Canadian military sent 200 personnel to help, the defence minister said."
    )
    assert speaker_of(text, "200 personnel") == "Bill Blair"
