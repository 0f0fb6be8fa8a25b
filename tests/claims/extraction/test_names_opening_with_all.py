"""Names that open with "All" (2026-12-07, session 30; Wimbledon prize-money copy written
here).

"..., the All England Club announced" was "England Club", "All India Radio said" "India Radio":
"All" opening a run was always a filler ("All Republicans said"). Before an organisation's name
it is part of it.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prize money will rise by 7% to £53.5m, the All England Club announced on Thursday.",
            "All England Club",
        ),
        ("All India Radio said 300 people had died.", "All India Radio"),
        ("All Republicans said the bill would cost $2bn.", "Republicans"),
    ],
)
def test_all_in_a_name(text: str, speaker: str) -> None:
    assert speaker_of(text, "said" if "said" in text else "announced") == speaker
