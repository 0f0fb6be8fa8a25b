""" "The King's Fund think tank said" (2026-12-07, session 33; an NHS story written here).

"The King's Fund said" was the King's Fund, but with what it is after the name ("think tank")
it was "Fund": the description was read back to the possessive, which opens a description
("Tesco's spokesman") unless it is part of the name. "The Children's Society" and "the Women's
Institute" were "Society" and "Institute": charities named for those they serve take the
possessive into their name as a fund named for a monarch does.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("The King's Fund think tank", "King's Fund"),
        ("The King's Fund", "King's Fund"),
        ("The Children's Society", "Children's Society"),
        ("The Women's Institute", "Women's Institute"),
        ("Boston Children's Hospital", "Boston Children's Hospital"),
    ],
)
def test_the_possessive_is_part_of_the_name(subject: str, expected: str) -> None:
    assert speaker_of(f"{subject} said 2 reports were out.", "2 reports") == expected


def test_a_countrys_possessive_is_no_part_of_a_name() -> None:
    assert speaker_of("Japan's Toyota said 2 plants would close.", "2 plants") == "Toyota"
