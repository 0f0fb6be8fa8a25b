"""A local story's council, and an expert who cautions (2026-12-07, session 30; a court report
on library closures and a coffee study written here).

"The council said it would study the ruling" was nobody's when Kent County Council had been
named two paragraphs up (only a club or a league reached that far); "Dr Sarah Brown, who was
not involved in the study, cautioned that it was observational." was nobody's ("cautioned"
was no verb of saying).
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

RULING = (
    "A High Court judge has ruled that Kent County Council acted unlawfully when it closed 12 "
    "libraries last year.\n\n"
    "In her judgment, Mrs Justice Lang said the council had failed to consult residents.\n\n"
    "The council said it would study the ruling and consider an appeal of the £1.8m case."
)


def test_the_council_is_the_one_the_page_named_further_up() -> None:
    assert speaker_of(RULING, "£1.8m") == "Kent County Council"


def test_two_councils_named_leave_the_council_nobodys() -> None:
    text = (
        "Kent County Council and Medway Council both closed libraries last year.\n\n"
        "A judge found that residents had not been consulted.\n\n"
        "The council said it would appeal the £1.8m ruling."
    )
    assert speaker_of(text, "£1.8m") == ""


def test_cautioned_that_is_a_verb_of_saying() -> None:
    text = (
        "Dr Sarah Brown, who was not involved in the study, cautioned that 12% was an "
        "observational figure."
    )
    assert speaker_of(text, "12%") == "Sarah Brown"


def test_a_council_named_with_and_is_one_council() -> None:
    text = (
        "Brighton and Hove City Council closed 12 libraries last year.\n\n"
        "A judge found that residents had not been consulted.\n\n"
        "The council said it would appeal the £1.8m ruling."
    )
    assert speaker_of(text, "£1.8m") == "Brighton and Hove City Council"
