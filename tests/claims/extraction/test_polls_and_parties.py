"""A poll's figures for a party, attributed to the pollster, and "the party" (2026-12-07,
session 31; a YouGov poll story and a leadership story written here).

"The Conservatives were on 21%, the pollster found." was the Conservatives': the sentence's
own organisation comes first for "the company", "the pollster", but a party is only ever "the
party". "The party said" after "The Conservatives have chosen Kemi Badenoch" was nobody's: it
is the party that spoke last, else the one party named in this paragraph or the one before.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

POLL = (
    "Poll: Reform ahead for first time\n\n"
    "Reform UK has taken the lead in a national poll for the first time, with 25% of the vote "
    "against Labour's 24%, according to a YouGov survey for The Times.\n\n"
    "The Conservatives were on 21%, the pollster found."
)


def test_the_pollster_is_no_party() -> None:
    assert speaker_of(POLL, "21%") == "YouGov"


def test_a_party_is_still_the_party() -> None:
    text = (
        "The Conservatives have chosen Kemi Badenoch as leader.\n\n"
        "The party said 95,000 members had voted."
    )
    assert speaker_of(text, "95,000") == "Conservatives"


def test_two_parties_named_leave_the_party_unnamed() -> None:
    text = (
        "Labour and the Conservatives both lost seats to Reform UK.\n\n"
        "The party said 95,000 members had voted."
    )
    assert speaker_of(text, "95,000") == ""
