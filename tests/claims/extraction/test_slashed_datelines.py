"""TASS's dateline (2026-12-07, session 31; a gas-exports story written here in TASS's style).

"MOSCOW, December 5. /TASS/. Russia's gas exports ..." split into the units "MOSCOW, December
5." and "/TASS/." before the first sentence: the place, the day and the agency between slashes
are the dateline, and the text comes after them.
"""

from __future__ import annotations

from claims.extraction import extract, read_text

STORY = (
    "MOSCOW, December 5. /TASS/. Russia's gas exports to China via the Power of Siberia "
    "pipeline reached 38.8 billion cubic meters in 2024, Gazprom CEO Alexey Miller said on "
    "Thursday.\n\n"
    '"This is above the contractual obligations," Miller told reporters.'
)


def test_the_dateline_is_no_unit_and_names_the_agency() -> None:
    document = read_text(STORY)
    units = extract(document).sentences
    assert units[0].text.startswith("Russia's gas exports")
    assert not any("TASS" in s.text or "MOSCOW" in s.text for s in units)
    assert document.publisher == "TASS"
    assert document.published_at is None  # no year


def test_a_sentence_with_slashes_is_no_dateline() -> None:
    text = "LONDON, the capital, has 9 million people. /Figures are estimates/."
    assert extract(read_text(text)).sentences[0].text.startswith("LONDON, the capital")
