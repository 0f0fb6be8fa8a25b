"""What someone did not say is no claim of theirs (2026-12-07, session 29; a vaccine fact-check
written here).

"No, the WHO did not say vaccines cause autism" and "The WHO has not said vaccines cause autism."
were the WHO's: a verb of saying was read whatever denied it. A denied verb ("did not say",
"has never claimed", "didn't say") names no speaker; a denial ("denied that ...") still does.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "The WHO has not said that 40% of vaccines cause autism.",
        "The WHO did not say that 40% of vaccines cause autism.",
        "The WHO didn't say that 40% of vaccines cause autism.",
        "The WHO has never claimed that 40% of vaccines cause autism.",
    ],
)
def test_a_denied_verb_names_no_speaker(text: str) -> None:
    assert speaker_of(text, "40%") == ""


def test_a_denial_is_still_the_speakers() -> None:
    text = "The WHO denied that 40% of vaccines cause autism."
    assert speaker_of(text, "40%") == "WHO"
