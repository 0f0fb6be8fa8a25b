""" "She said" after a paragraph that names nobody is the person named the paragraph before it;
after an unnamed speaker ("..., says a doctor from Hebron") a "he" is that unnamed one."""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with

BUDGET = (
    "Council leader Margaret Ellis defended the budget at a meeting on Monday night, saying it "
    "protected frontline services.\n\n"
    "The council must save £12m over the next two years. Library opening hours will be cut at "
    "six branches and parking charges will rise by 10%.\n\n"
    'The budget passed by 32 votes to 20. She said the cuts were "painful but unavoidable".'
)


def test_she_two_paragraphs_on_when_the_one_between_names_nobody() -> None:
    # Nobody's: "she" looked back one paragraph only.
    assert unit_with(BUDGET, "painful").speaker == "Margaret Ellis"


def test_not_past_an_unnamed_speaker() -> None:
    text = (
        "“It is a key aspect of the sector,” said Antony Loewenstein, an author.\n\n"
        "“We are not just numbers,” says a doctor from Hebron, whose name has been withheld.\n\n"
        "During a break from his shift, he explains that he now lives locally."
    )
    assert unit_with(text, "lives locally").speaker == ""


def test_not_past_a_paragraph_that_names_someone_else() -> None:
    text = BUDGET.replace(
        "The council must save £12m", "Opposition leader Tom Price said the council must save £12m"
    )
    assert unit_with(text, "painful").speaker != "Margaret Ellis"
