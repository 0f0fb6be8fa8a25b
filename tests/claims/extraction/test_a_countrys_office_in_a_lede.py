"""A country's office in a lede, named in the next sentence (2026-12-07, session 29; Japanese
and Sri Lankan election copy written here).

"Japan's prime minister said on Tuesday that ..." then "Shigeru Ishiba told reporters ..." left
the lede nobody's: "the prime minister said" waits for the person the next sentences name
(roles.LedeRole), but a country's possessive before the role stopped it waiting.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

LEDE = (
    "Japan's prime minister said on Tuesday that the country would vote on October 27.\n\n"
    "Shigeru Ishiba told reporters the public needed to judge his government."
)


def test_the_lede_is_the_person_named_next() -> None:
    assert speaker_of(LEDE, "October 27") == "Shigeru Ishiba"


def test_a_companys_office_still_waits_for_nobody() -> None:
    # guard: an organisation's office stays the office (session 28)
    text = "Tesco's chief executive said sales rose 4%.\n\nKen Murphy joined the firm in 2020."
    assert speaker_of(text, "4%") != "Ken Murphy"
