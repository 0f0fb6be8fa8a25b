""" "Coroner Christopher Sutton-Mattocks ruled his death was "wholly avoidable"" (2026-12-07,
session 33; an inquest story written here).

It named nobody: "ruled" was no verb that puts a quotation in its subject's mouth, as "called",
"described" and "blamed" are. It is one now, with a quotation after it, not after a form of
"be" ("The death was ruled "accidental"") nor in the sense of governing ("The Conservatives
ruled for 14 years").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


def test_a_coroner_ruled_a_quotation() -> None:
    text = (
        'Coroner Christopher Sutton-Mattocks ruled his death was "wholly avoidable" after 2 errors.'
    )
    assert speaker_of(text, "2 errors") == "Christopher Sutton-Mattocks"


@pytest.mark.parametrize(
    "text",
    [
        'The Conservatives ruled for 14 years and won 2 "landslides".',
        'The death was ruled "accidental" after 2 hearings.',
    ],
)
def test_governing_and_the_passive_name_no_one(text: str) -> None:
    assert speaker_of(text, "2 ") == ""
