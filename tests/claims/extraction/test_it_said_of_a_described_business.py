"""'it said' in a sentence that opens with a described business (2026-12-07, session 29;
Netflix results copy written here).

"The streaming giant now has 301.6 million paid memberships worldwide, it said in a letter to
shareholders on Tuesday." was nobody's: "it" took the organisation the sentence opens with by
name only. A business described by its noun ("The streaming giant", "The Japanese carmaker")
is that business, as "the streaming giant said" is.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_it_is_the_described_business() -> None:
    text = (
        "Netflix added 18.9 million subscribers in the final three months of 2024.\n\n"
        "The streaming giant now has 301.6 million paid memberships worldwide, it said in a "
        "letter to shareholders on Tuesday."
    )
    assert speaker_of(text, "301.6 million") == "Netflix"


def test_a_common_opening_keeps_it_as_before() -> None:
    text = "Apple said sales rose 4%. The new phone sells well, it said."
    assert speaker_of(text, "The new phone") == "Apple"
