"""A business described after it launched a product with a code for a name (2026-12-07, session
30; a model launch written here).

"OpenAI on Thursday released GPT-5 ... The San Francisco-based startup said ChatGPT now had 700
million weekly users." kept "The San Francisco-based startup" as written (and typed it a
person): "GPT-5" counted as a second business, so which one the words meant was unclear. A name
of letters, a hyphen and a number is a product's; a description ending in a business's noun is
an organisation's.
"""

from __future__ import annotations

from claims.extraction.speaker_types import speaker_type
from tests.claims.extraction_helpers import unit_with


def test_the_startup_is_the_business_not_its_model() -> None:
    text = (
        "OpenAI on Thursday released GPT-5, which it says makes 45% fewer factual errors.\n\n"
        "The San Francisco-based startup said it now had 700 million weekly users."
    )
    unit = unit_with(text, "700 million")
    assert (unit.speaker, unit.speaker_type) == ("OpenAI", "organization")


def test_a_described_business_is_an_organisation() -> None:
    assert speaker_type("The San Francisco-based startup") == "organization"
    assert speaker_type("The Seattle-based retailer") == "organization"
