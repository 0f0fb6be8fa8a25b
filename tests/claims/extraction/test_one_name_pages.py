"""A surname that looks like a plural (2026-12-07, session 27; Westminster copy written here).

"Reeves told MPs ..." on a page that never writes "Rachel Reeves" was nobody's: a capitalised
word ending in "s" opening a sentence read as a plural ("Thousands said", "Emails show"). The
page's own "Reeves confirms ..." (a verb in the singular) says it is one person or body.
"""

from __future__ import annotations

from claims.extraction import PERSON, extract, read_text

REEVES = """Reeves confirms fuel duty freeze

Reeves told MPs the freeze would cost £3bn a year.

She said the Treasury had found savings of £2bn elsewhere.
"""


def test_a_surname_written_before_a_verb_in_the_singular_speaks() -> None:
    sentences = extract(read_text(REEVES)).sentences
    told, said = sentences[1], sentences[2]
    assert (told.speaker, told.speaker_type) == ("Reeves", PERSON)
    assert (said.speaker, said.speaker_type) == ("Reeves", PERSON)


def test_plurals_opening_a_sentence_still_name_nobody() -> None:
    text = "Thousands marched through London on Saturday.\n\nThousands said the march was calm.\n"
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["", ""]
    text = "Emails show the minister knew of the plan in May. Emails said 300 jobs would go."
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["", ""]


def test_a_name_ending_like_no_plural_speaks() -> None:
    # "Ucas said ..." opening a sentence was nobody's: a capitalised word ending in "s" read as a
    # plural ("Thousands said"); no plural ends in "-as", "-us", "-is", "-ss" or "-os".
    text = "Ucas said a record 82,000 students had been accepted."
    assert extract(read_text(text)).sentences[0].speaker == "Ucas"
    text = "Memos show the minister knew in May. Videos show 20 people fleeing."
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["", ""]
