"""A news agency named after the clause it reports (2026-12-07, session 31; a tanker seizure
written here in a wire's style).

"The vessel's 14 crew members were detained, the semi-official Tasnim news agency said." was
"the semi-official Tasnim news agency" (and the next sentence's "the state-run IRNA news
agency" was Tasnim too); "..., Yonhap news agency said." named nobody: an agency's name before
its descriptor was read only opening the sentence.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        ("the semi-official Tasnim news agency said", "Tasnim"),
        ("the state-run IRNA news agency said", "IRNA"),
        ("Yonhap news agency said", "Yonhap"),
        ("the official Xinhua news agency reported", "Xinhua"),
    ],
)
def test_the_agency_after_the_clause(ending: str, agency: str) -> None:
    assert speaker_of(f"The 14 crew members were detained, {ending}.", "14 crew") == agency


def test_two_agencies_each_their_own() -> None:
    text = (
        "The 14 crew members were detained, the semi-official Tasnim news agency said.\n\n"
        "The tanker carried 2 million litres of fuel, the state-run IRNA news agency said."
    )
    assert speaker_of(text, "2 million litres") == "IRNA"


def test_a_described_agency_is_no_name() -> None:
    assert speaker_of("The 14 crew were held, Iranian news agency said.", "14 crew") == ""
