"""`..., said it "puts ..."`: the "it" is what was said about, not the speaker (2026-12-07,
session 26; US Senate copy written here). Sen. Rand Paul's sentence was the Senate's."""

from __future__ import annotations

from claims.extraction import PERSON, extract, read_text

STORY = """The Senate passed a $95 billion aid package for Ukraine, Israel and Taiwan late \
Tuesday, sending it to the House, where its fate is uncertain.

The vote was 70-29, with 22 Republicans joining most Democrats in support.

"History settles every account," Senate Majority Leader Chuck Schumer, D-N.Y., said after the \
vote.

Sen. Rand Paul, R-Ky., who opposed the bill, said it "puts the interests of foreign countries \
ahead of our own."
"""


def test_it_before_a_quotation_is_no_speaker() -> None:
    last = extract(read_text(STORY)).sentences[-1]
    assert (last.speaker, last.speaker_type) == ("Rand Paul", PERSON)


def test_it_as_the_speaker_after_a_quotation_still_speaks() -> None:
    text = (
        "The Senate passed a $95 billion aid package late Tuesday. "
        '"The vote shows strong support," it said in a statement.'
    )
    assert extract(read_text(text)).sentences[-1].speaker == "Senate"
