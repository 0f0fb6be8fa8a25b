"""A business described by its products (2026-12-07, session 29; food group copy written here).

"The maker of KitKat and Nescafé said" was nobody's (a maker of one product only was read), and
"The KitKat maker said" was "The KitKat maker" itself (the product, opening the sentence, was
taken for the business it speaks of, and was none). Both are the business that just spoke.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

NESTLE = "Nestlé said on Thursday it would cut about 6,000 office jobs. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The maker of KitKat and Nescafé said sales growth slowed to 1.5%.",
        "The KitKat maker said sales growth slowed to 1.5%.",
        "Sales growth slowed to 1.5%, said the maker of KitKat and Nescafé.",
    ],
)
def test_the_maker_is_the_business_that_spoke(sentence: str) -> None:
    assert speaker_of(NESTLE + sentence, "1.5%") == "Nestlé"


def test_two_businesses_are_not_one_maker() -> None:
    # guard: "and" joins products after "the maker of", never two speakers
    text = "Microsoft and Sony said sales of consoles rose 5% in the year to March."
    assert speaker_of(text, "5%") == "Microsoft and Sony"
