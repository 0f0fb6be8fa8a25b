"""By-election and company copy (2026-12-07, session 28; a by-election result, job cuts and a
class action written here).

"..., according to elections expert Professor John Curtice." was nobody's: a person's role in
small letters before the name ("elections expert", "polling expert") stopped the reader, which
only knew organisations' descriptors ("the charity Shelter").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "source",
    ["elections expert Professor John Curtice", "polling expert John Curtice"],
)
def test_a_persons_role_before_the_name_after_according_to(source: str) -> None:
    text = f"The swing was the largest since 1994, according to {source}."
    assert speaker_of(text, "1994") == "John Curtice"


def test_its_filing_is_the_company_the_sentence_opens_with() -> None:
    # session 28, tech copy: "The company ..., according to its latest filing" was nobody's
    text = (
        "Meta will cut about 3,600 jobs, chief executive Mark Zuckerberg told staff.\n\n"
        "The company had 72,400 employees at the end of September, according to its latest "
        "filing."
    )
    assert speaker_of(text, "72,400") == "Meta"


def test_claims_against_someone_is_a_noun() -> None:
    # session 28, a class action: "Similar" was the speaker ("claims" read as its verb)
    text = (
        "Similar claims against Apple and Google are worth a combined £4bn, according to law "
        "firm Hausfeld."
    )
    assert speaker_of(text, "£4bn") == "Hausfeld"
    assert speaker_of("Smith claims about 40 people died.", "40 people") == "Smith"


def test_its_office_is_the_organisations() -> None:
    # session 28, space copy: "according to its inspector general" was nobody's
    text = "Nasa has spent $93bn on the programme so far, according to its inspector general."
    assert speaker_of(text, "$93bn") == "Nasa inspector general"
    text = "Nasa has spent $93bn so far, according to its annual report."
    assert speaker_of(text, "$93bn") == "Nasa"
