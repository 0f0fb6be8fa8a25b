"""A sentence that ends with a name written with an ampersand (2026-12-07, session 28; NHS copy
written here).

"The Royal College of Emergency Medicine said 1,500 patients a week were waiting more than 12
hours in A&E. Its president, Dr Adrian Boyle, said: ..." was one unit: the "E." of "A&E" read as
an initial ("George W. Bush"), so the college's figure and the president's quotation were one
claim, the college's.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize("name", ["A&E", "M&S", "P&O", "AT&T"])
def test_a_name_with_an_ampersand_ends_its_sentence(name: str) -> None:
    text = f"Waits grew longer at {name}. Its president, Dr Adrian Boyle, said 40 staff had left."
    units = [s.text for s in extract(read_text(text)).sentences]
    assert units == [
        f"Waits grew longer at {name}.",
        "Its president, Dr Adrian Boyle, said 40 staff had left.",
    ]


def test_the_second_sentence_keeps_its_own_speaker() -> None:
    text = (
        "The Royal College of Emergency Medicine said 1,500 patients a week were waiting more "
        'than 12 hours in A&E. Its president, Dr Adrian Boyle, said: "These are not just '
        'numbers."'
    )
    assert speaker_of(text, "1,500 patients") == "Royal College of Emergency Medicine"
    assert speaker_of(text, "not just numbers") == "Adrian Boyle"
    # an initial still runs on: "George W. Bush"
    units = extract(read_text("George W. Bush said 40 staff had left.")).sentences
    assert len(units) == 1
