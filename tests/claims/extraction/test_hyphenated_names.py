"""Hyphens in names (2026-12-07, session 27; retail cyber-attack copy written here): "Co-op
said" was nobody's (its "Co-" read as a prefix, as in "Co-founder"), and "she said" after
"Co-op's chief executive, Shirine Khoury-Haq, apologised" was nobody's (a double-barrelled
surname made no person's name)."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON, extract, read_text


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences]


def test_the_co_op_is_a_name() -> None:
    assert _speakers("Co-op said 20 stores were shut.") == [("Co-op", ORGANIZATION)]
    # A prefix is still none: "Self-employed workers" name nobody.
    assert _speakers("Self-employed workers said 20 jobs went.") == [("", "")]


def test_a_double_barrelled_surname_makes_a_persons_name() -> None:
    text = (
        "Co-op's chief executive, Shirine Khoury-Haq, apologised to members. "
        '"I am incredibly sorry," she said in a video message.'
    )
    assert _speakers(text)[-1] == ("Shirine Khoury-Haq", PERSON)
