"""An office before its holder's name, after an opening clause (2026-12-07, session 29; Nigerian
fuel-price copy written here).

"Speaking on the development, the National President of the Independent Petroleum Marketers
Association of Nigeria (IPMAN), Chinedu Okoronkwo, said ..." was "National President"'s: a role
of two words before "of" ("National President", "General Secretary") was no office when the
sentence did not open with it.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "Speaking on the development, the National President of the Independent Petroleum "
        "Marketers Association of Nigeria (IPMAN), Chinedu Okoronkwo, said prices would rise "
        "by 15%.",
        "Speaking on Monday, the General Secretary of the Nigeria Labour Congress, Chinedu "
        "Okoronkwo, said prices would rise by 15%.",
    ],
)
def test_the_holder_named_after_the_office_speaks(text: str) -> None:
    assert speaker_of(text, "15%") == "Chinedu Okoronkwo"
