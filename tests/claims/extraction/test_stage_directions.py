"""A debate transcript's stage directions (2026-12-07, session 30; a debate excerpt written
here in the shape transcription services give).

"[APPLAUSE]" and "(inaudible)" were units of the text, and "(CROSSTALK) Unemployment hit 14.7%
in April 2020" kept the direction in the claim. A stage direction alone is no unit; one that
opens a sentence is no part of it.
"""

from __future__ import annotations

from claims.extraction import extract, read_text

DEBATE = (
    "TRUMP: We had the greatest economy in the history of our country. [APPLAUSE]\n\n"
    "HARRIS: That's simply not true. (CROSSTALK) Unemployment hit 14.7% in April 2020.\n\n"
    "TRUMP: Inflation was 9% under her. The worst in 40 years. (inaudible)\n\n"
    "HARRIS: He left us the worst unemployment since the Great Depression. [LAUGHTER]"
)


def test_stage_directions_are_no_part_of_the_text() -> None:
    units = extract(read_text(DEBATE)).sentences
    texts = [s.text for s in units]
    assert not any(
        "APPLAUSE" in t or "inaudible" in t or "CROSSTALK" in t or "LAUGHTER" in t for t in texts
    )
    unemployment = next(s for s in units if "14.7%" in s.text)
    assert unemployment.text == "Unemployment hit 14.7% in April 2020."
    assert unemployment.speaker == "Harris"
    assert DEBATE[unemployment.start : unemployment.end] == unemployment.text


def test_brackets_with_words_stay() -> None:
    text = "The council (which owns the site) said it would sell it for £2m."
    assert [s.text for s in extract(read_text(text)).sentences] == [text]
