"""A piece written in the first person is its author's (claims.extraction.first_person): an
opinion column written for the tests (2026-12-06)."""

from __future__ import annotations

from claims.extraction import PERSON, extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with

COLUMN = "\n\n".join(
    [
        "Opinion: The four-day week is an idea whose time has come",
        "By Jane Holloway",
        "I have run a small marketing firm for 12 years. Last year we moved to a four-day week, "
        "and I wish we had done it sooner.",
        "Productivity rose. Not one of our 30 staff has left.",
        "A trial of 61 British companies in 2022 found that 56 of them kept the four-day week "
        "afterwards, Autonomy said.",
        "Jane Holloway is the founder of Brightside Marketing.",
    ]
)


def test_a_columns_first_person_sentences_are_its_authors() -> None:
    # They were nobody's: the byline was the only place the text named its "I".
    unit = unit_with(COLUMN, "30 staff")
    assert (unit.speaker, unit.speaker_type) == ("Jane Holloway", PERSON)
    assert speaker_of(COLUMN, "12 years") == "Jane Holloway"
    # A sentence with a speaker of its own keeps it; one with no "I" or "we" stays nobody's.
    assert speaker_of(COLUMN, "61 British companies") == "Autonomy"
    assert speaker_of(COLUMN, "Productivity rose.") == ""


def test_the_closing_line_about_the_author_is_no_claim() -> None:
    extraction = extract(read_text(COLUMN))
    assert not [s for s in extraction.sentences if "founder of" in s.text]
    dropped = {extraction.document.text[s:e]: reason for s, e, reason in extraction.boilerplate}
    assert dropped["Jane Holloway is the founder of Brightside Marketing."] == "author bio"


def test_a_report_is_no_first_person_piece() -> None:
    # One "I" of the reporter's, and the quotations' own "I" and "we", make no column.
    report = "\n\n".join(
        [
            "By Sam Jones",
            "The council will close 12 libraries, its leader said on Monday.",
            '"I regret this decision," said Mary Hill. "We had no choice," she added.',
            "When I visited the library in Leeds on Tuesday, 40 people were queuing.",
        ]
    )
    assert speaker_of(report, "40 people") == ""
    # A byline naming no one in full, or two people, gives "I" to nobody.
    for byline in ("By staff", "By Jane Holloway and Sam Jones"):
        column = COLUMN.replace("By Jane Holloway", byline)
        assert speaker_of(column, "30 staff") == ""
