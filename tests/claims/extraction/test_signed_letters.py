"""A letter signed at its foot (2026-12-07, session 30; a letter to the editor written here).

"Sarah Whitfield" / "Managing director, Whitfield Design, Bristol" closing a letter were two
units of the text, and the letter had no author, so its "My company moved to a four-day week"
was nobody's. The signature is now the letter's author, and no part of its text.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

LETTER = (
    "Letters: The four-day week works\n\n"
    "Your article on the four-day week (14 May) missed a key point. My company moved to a "
    "four-day week in 2022, and staff sickness fell by a third.\n\n"
    "Productivity has not dropped at all. I urge other employers to try it.\n\n"
    "Sarah Whitfield\n"
    "Managing director, Whitfield Design, Bristol"
)


def test_the_signer_is_the_letters_author() -> None:
    assert read_text(LETTER).author == "Sarah Whitfield"
    assert speaker_of(LETTER, "sickness fell by a third") == "Sarah Whitfield"


def test_the_signature_is_no_part_of_the_text() -> None:
    texts = [s.text for s in extract(read_text(LETTER)).sentences]
    assert not any("Whitfield Design" in t or t == "Sarah Whitfield" for t in texts)


def test_a_name_alone_on_the_last_line_signs() -> None:
    text = (
        "Council tax rises are unfair\n\n"
        "I have lived in this town for 40 years. My bill has risen by 9% this year.\n\n"
        "Nothing has improved. The bins are collected every three weeks now.\n\n"
        "Dr Helen Marsh"
    )
    assert read_text(text).author == "Dr Helen Marsh"


def test_a_closing_sentence_is_no_signature() -> None:
    text = (
        "Council approves budget\n\n"
        "The council approved a budget of £40m on Tuesday. Council tax will rise by 4.99%.\n\n"
        "The budget was backed by 31 votes to 12.\n\n"
        "Jane Miller said the rise was needed."
    )
    assert read_text(text).author == ""
    assert speaker_of(text, "rise was needed") == "Jane Miller"
