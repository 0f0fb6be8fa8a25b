"""Conflict and economics reporting (2026-12-07, session 26, written here): a ministry
described by a hyphenated word ("the Hamas-run health ministry") is a source, "the military" is
the armed forces named before, and "the lender" with no bank named near is the IMF."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_text

STORY = """Israeli strikes kill 40 in Gaza, health officials say

Israeli air strikes killed at least 40 people across the Gaza Strip overnight, according to \
the Hamas-run health ministry.

The Israel Defense Forces (IDF) said it had targeted "terrorist infrastructure" in Khan Younis.

The military said one of its soldiers had been killed in northern Gaza on Tuesday.

The ministry says more than 43,000 people have been killed since the war began.
"""


def _units() -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(STORY)).sentences}


def test_a_ministry_described_with_a_hyphenated_word() -> None:
    # Both were nobody's.
    ministry = ("the Hamas-run health ministry", ORGANIZATION)
    assert _units()["Israeli air strikes killed at "] == ministry
    assert _units()["The ministry says more than 43"] == ministry


def test_the_military_is_the_armed_forces_named_before() -> None:
    # It was nobody's.
    assert _units()["The military said one of its s"] == ("Israel Defense Forces", ORGANIZATION)


def test_the_military_is_not_the_police() -> None:
    text = (
        "Merseyside Police said 12 people were arrested. The military said 40 soldiers were "
        "deployed."
    )
    speakers = [s.speaker for s in extract(read_text(text)).sentences]
    assert speakers == ["Merseyside Police", ""]


IMF = """IMF cuts global growth forecast to 2.9%

The International Monetary Fund has cut its forecast for global growth this year to 2.9%, \
warning that trade tensions are weighing on investment.

In its latest World Economic Outlook, the fund said the US economy would grow 1.8% in 2025.

"The global economy is at a critical juncture," IMF chief economist Pierre-Olivier Gourinchas \
told a press conference in Washington.

The Washington-based lender now expects the euro area to grow by 0.8%.
"""


def test_the_lender_is_the_imf_when_no_bank_was_named() -> None:
    # It stayed as written, "The Washington-based lender".
    last = extract(read_text(IMF)).sentences[-1]
    assert (last.speaker, last.speaker_type) == ("International Monetary Fund", ORGANIZATION)


def test_the_lender_is_the_bank_named_near() -> None:
    text = (
        "The International Monetary Fund cut its forecast. Barclays raised its mortgage rates.\n\n"
        "The lender said 40,000 customers would be affected."
    )
    assert extract(read_text(text)).sentences[-1].speaker == "Barclays"
