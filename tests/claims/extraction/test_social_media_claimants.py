"""A post on a platform as the claim's source (2026-12-07, session 27; fact-check copy written
here, and AFP's page in ../shared/corpus/claimreview: "A Facebook post shared thousands of times
claims the US Centers for Disease Control and Prevention lied ..."). The claimant a fact-check
names most often was nobody."""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A viral post on Facebook claims the UK has given Ukraine £100bn.", "Facebook post"),
        (
            "A Facebook post shared thousands of times claims the CDC lied about 43,000 deaths.",
            "Facebook post",
        ),
        ("A video shared on TikTok claims that 5G masts spread 3 viruses.", "TikTok video"),
        ("A post on X, viewed more than 2 million times, says the election was rigged.", "X post"),
        # session 28: how often it was shared before the platform
        (
            "A post shared thousands of times on Facebook claims the UK sent £9bn to Ukraine.",
            "Facebook post",
        ),
    ],
)
def test_a_post_on_a_platform_is_the_claimant(text: str, speaker: str) -> None:
    assert speaker_of(text, "claim" if "claim" in text else "says") == speaker


def test_the_platform_itself_still_speaks_as_itself() -> None:
    assert speaker_of("Facebook said 20 posts were removed.", "20 posts") == "Facebook"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "More than 240 flights were delayed, according to flight-tracking site FlightAware.",
            "FlightAware",
        ),
        ("More than 240 flights were delayed, according to data-analytics firm Cirium.", "Cirium"),
    ],
)
def test_a_source_after_a_hyphenated_descriptor(text: str, speaker: str) -> None:
    # Was nobody: a hyphen in the words before "site" or "firm" ended the descriptor.
    assert speaker_of(text, "240") == speaker
