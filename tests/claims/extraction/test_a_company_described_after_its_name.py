"""A company described after its name at the end of a sentence or with where it is based
(2026-12-07, session 31; a data-breach story written here).

"... stole 2.9 billion records from National Public Data, a background-check company based in
Florida. The company confirmed the breach ..., saying ..." was the next paragraph's
Malwarebytes: a description that went on ("based in Florida") or ended the sentence ("a
background-check company.") introduced no company.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

AFTER = (
    "\n\nThe company confirmed the breach in a statement, saying 5 million people were affected."
    "\n\nCybersecurity firm Malwarebytes said 134 million email addresses had leaked."
)


@pytest.mark.parametrize(
    "first",
    [
        "Hackers stole 2.9 billion records from National Public Data, a background-check "
        "company based in Florida.",
        "Hackers stole 2.9 billion records from National Public Data, a background-check company.",
        "National Public Data, a background-check company based in Florida, was hacked.",
    ],
)
def test_the_company_described_after_its_name(first: str) -> None:
    assert speaker_of(first + AFTER, "5 million") == "National Public Data"


def test_a_description_that_goes_on_still_introduces_none() -> None:
    text = (
        "Hackers stole records from National Public Data, the company that Acme bought."
        "\n\nThe company said 5 million people were affected."
    )
    assert speaker_of(text, "5 million") != "National Public Data"
