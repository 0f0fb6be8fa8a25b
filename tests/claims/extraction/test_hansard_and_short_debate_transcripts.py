"""Parliamentary exchanges as Hansard labels them, and a short debate excerpt (2026-12-07,
session 29; PMQs and debate copy written here).

In "Kemi Badenoch: ... The Prime Minister (Keir Starmer): ... Mr Speaker: Order. Ed Davey
(Kingston and Surbiton) (LD): ..." only the plain "Name:" labels were turns, so the prime
minister's answer and the Lib Dem leader's question were Kemi Badenoch's. A member's seat and
party in brackets, and an office with its holder's name in brackets, are labels too; the
Speaker's turns are nobody's. In a debate excerpt where each candidate speaks once ("SEN.
HARRIS:", "TRUMP:") beside a "MODERATOR:", nothing was attributed: a title before a surname
names a person, and with a moderator's label one turn each is enough.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

PMQS = """Prime Minister's Questions: key exchanges

Kemi Badenoch: The prime minister promised to cut energy bills by £300. Bills have gone up by \
£150 since the election.

The Prime Minister (Keir Starmer): Under the party opposite, bills rose by £1,000 a year.

Mr Speaker: Order. Members must calm down, as 400 of them are shouting.

Ed Davey (Kingston and Surbiton) (LD): Over 9,000 patients waited more than 12 hours in A&E \
last month.
"""

DEBATE = """MODERATOR: Senator, your response.
SEN. HARRIS: We created 15 million jobs.
TRUMP: We had the greatest economy in history, with 2.5% growth.
MODERATOR: Thank you. Let's move on to immigration.
"""


def test_hansard_labels_are_turns() -> None:
    assert speaker_of(PMQS, "£150") == "Kemi Badenoch"
    assert speaker_of(PMQS, "£1,000") == "Keir Starmer"
    assert speaker_of(PMQS, "9,000 patients") == "Ed Davey"
    assert speaker_of(PMQS, "400 of them") == ""  # the Speaker's


def test_a_short_debate_excerpt_is_a_transcript() -> None:
    assert speaker_of(DEBATE, "15 million") == "Harris"
    assert speaker_of(DEBATE, "2.5%") == "Trump"
