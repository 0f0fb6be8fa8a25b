"""A headline's common role and a list item's bullet (2026-12-07, session 28; court and health
copy written here).

"Nurse denies poisoning patients" made a person called "Nurse" its speaker (the body never
calls anyone "the nurse"): one nurse of many is nobody by that name, while an office's title
("Chancellor says ...") stays the office. A list item's claim began with its bullet ("- Processed
meat carried the highest risk"); the bullet is read with the item (a list gets no article prior)
but is no part of the claim's text or offsets.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import unit_with

NURSE = """Nurse denies poisoning patients

A nurse accused of poisoning three patients at a hospital in Leeds has denied the charges.

Anna Kowalski, 34, told Leeds Crown Court on Tuesday that she had never given a patient insulin.
"""


def test_a_headlines_common_role_is_nobody_by_that_name() -> None:
    sentence = unit_with(NURSE, "Nurse denies")
    assert (sentence.speaker, sentence.speaker_type) == ("", "")
    # an office's title stays the office when the body never names its holder
    text = "Chancellor says airport expansion will boost growth by £70bn\n\nThe plan is costly."
    assert unit_with(text, "£70bn").speaker == "Chancellor"


@pytest.mark.parametrize("bullet", ["- ", "• ", "* ", "\u2013 "])
def test_a_list_items_claim_starts_after_its_bullet(bullet: str) -> None:
    text = (
        "Eating ultra-processed food is linked to a 10% higher risk of early death.\n\n"
        f"Key findings:\n{bullet}Ultra-processed food made up 60% of calories for the highest "
        "eaters\n"
    )
    extraction = extract(read_text(text))
    item = next(s for s in extraction.sentences if "60%" in s.text)
    assert item.text == "Ultra-processed food made up 60% of calories for the highest eaters"
    assert text[item.start : item.end] == item.text
    assert [q.text for q in item.quantities] == ["60%"]
    assert text[item.quantities[0].start : item.quantities[0].end] == "60%"
    # still a list item for the article prior: no "news article" feature
    assert "news article: declarative sentence" not in [f.name for f in item.features]
