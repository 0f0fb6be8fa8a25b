"""A family named by the person it grieves (2026-12-07, session 27; court copy written here):
"In a statement, Elianne's family said she was "a shining star"" was nobody's, while "Her
family said" was "<her>'s family"."""

from __future__ import annotations

from claims.extraction import extract, read_text

STORY = """Elianne Andam, 15, was stabbed outside a shopping centre in Croydon.

In a statement, Elianne's family said she was "a shining star" with 100 friends.
"""


def test_a_family_named_by_a_given_name_is_that_persons() -> None:
    assert extract(read_text(STORY)).sentences[-1].speaker == "Elianne Andam's family"
    by_surname = STORY.replace("Elianne's family", "Andam's family")
    assert extract(read_text(by_surname)).sentences[-1].speaker == "Elianne Andam's family"


def test_an_owner_that_is_no_person_reads_as_before() -> None:
    text = "Russia's ministry said 20 drones were downed. Apple's team said 20 stores would close."
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["Russia's ministry", ""]
    # A family of someone the page never named in full names nobody.
    assert extract(read_text("Sam's family said 2 cars were stolen.")).sentences[0].speaker == ""
