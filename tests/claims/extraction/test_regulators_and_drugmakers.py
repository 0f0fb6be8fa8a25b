"""A regulator's acronym for a name with a small word inside, and a business introduced by
what it makes (2026-12-07, session 27; medicines copy written here).

"The company said it would work with the NHS" was the MHRA's: "Medicines and Healthcare
products Regulatory Agency (MHRA)" was not read as the agency's initials (the small word
"products" broke the name), so the MHRA passed for a business; and "Novo Nordisk, the Danish
drugmaker behind Wegovy," was not learned as a business (the description went on past its
noun).
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION
from claims.extraction.outlets import acronyms
from tests.claims.extraction_helpers import unit_with

STORY = """Medicines regulator approves weight-loss jab for heart patients

The decision by the Medicines and Healthcare products Regulatory Agency (MHRA) follows a trial \
of 17,604 people which found the drug reduced serious cardiovascular events by 20%.

Novo Nordisk, the Danish drugmaker behind Wegovy, welcomed the approval. The company said it \
would work with the NHS on how the drug could be offered to 50,000 patients.
"""


def test_initials_skip_the_small_words_of_a_name() -> None:
    assert acronyms(STORY) == {"MHRA": "Medicines and Healthcare products Regulatory Agency"}
    assert acronyms("The Royal College of Nursing (RCN) said.") == {
        "RCN": "Royal College of Nursing"
    }
    assert acronyms("He met the cat (CAT) and Tom (TJ).") == {}


def test_the_company_is_the_business_introduced_by_what_it_makes() -> None:
    sentence = unit_with(STORY, "50,000 patients")
    assert (sentence.speaker, sentence.speaker_type) == ("Novo Nordisk", ORGANIZATION)
