""" "The company said" after a study "published in the New England Journal of Medicine"
(2026-12-07, session 33; a drug-trial story written here).

"The study was published in the New England Journal of Medicine. Novo Nordisk, which makes
the drug, funded the trial. The company said ..." was the journal's: the business the
sentence meant is not one the rules know by name, and the journal, the one organisation named
before, was taken for it. A scholarly journal is where a study appears, never "the company"
("the drugmaker", "the firm"); a newspaper still can be ("the newspaper said").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

TRIAL = (
    "The study was published in the {journal}. Novo Nordisk, which makes the drug, funded the "
    "trial. The {noun} said it would seek approval in 12 countries."
)


@pytest.mark.parametrize(
    "journal", ["New England Journal of Medicine", "British Medical Journal", "Lancet"]
)
@pytest.mark.parametrize("noun", ["company", "drugmaker"])
def test_a_journal_is_no_company(journal: str, noun: str) -> None:
    speaker = speaker_of(TRIAL.format(journal=journal, noun=noun), "12 countries")
    assert journal not in speaker


def test_a_company_named_before_the_journal_is_still_the_company() -> None:
    text = (
        "Pfizer said its vaccine was 95% effective. The results were published in the New "
        "England Journal of Medicine. The company said it would seek approval in 12 countries."
    )
    assert speaker_of(text, "12 countries") == "Pfizer"
