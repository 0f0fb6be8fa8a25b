"""Two organisations joined by "and" are two (2026-12-07, session 31; a council merger story
written here).

A run of capitalised words joined by "and" was one mention: "Kent County Council and Medway
Council have agreed to share services. ... The council said" was "Kent County Council and
Medway" (the run cut at five words), and "Labour and the Conservatives" one party. Each side
that is an organisation by its own name is one; a name with "and" in it stays whole.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_council_of_two_named_together_is_nobody_named() -> None:
    text = (
        "Councils merge\n\n"
        "Kent County Council and Medway Council have agreed to share services.\n\n"
        "The council said it would save £5m a year."
    )
    assert speaker_of(text, "£5m") == ""


def test_the_one_council_named_is_still_the_council() -> None:
    text = (
        "Council merges services\n\n"
        "Medway Council has agreed to share services with its neighbours.\n\n"
        "The council said it would save £5m a year."
    )
    assert speaker_of(text, "£5m") == "Medway Council"


def test_a_name_with_and_in_it_stays_whole() -> None:
    text = (
        "Procter and Gamble said it would cut 7,000 jobs.\n\nThe company said it would save $1bn."
    )
    assert speaker_of(text, "$1bn") == "Procter and Gamble"


def test_a_name_and_a_pronoun_is_read_without_error() -> None:
    # "Senator McCain and I": the side after "and" is no name at all (a CT24 debate line)
    text = "Senator McCain and I actually agree on two things that he just mentioned."
    assert speaker_of(text, "two things") == ""
