""" "The statement added" right after a sentence that quoted someone's statement is theirs;
"The report said" with no report's author named stays nobody's."""

from __future__ import annotations

from tests.claims.extraction_helpers import unit_with

JOBS = (
    "Unilever said on Tuesday it would cut 7,500 jobs.\n\n"
    '"These changes will make us a simpler business," chief executive Hein Schumacher said in '
    "a statement.\n\n"
    "The statement added that the ice cream division, which employs 19,000 people, would be "
    "spun off by the end of 2025."
)


def test_the_statement_added_is_its_makers() -> None:
    # Nobody's: "the statement" was read as a document whose author the sentence does not give.
    assert unit_with(JOBS, "spun off").speaker == "Hein Schumacher"


def test_a_statement_nobody_mentioned_before_stays_nobodys() -> None:
    text = "The minister said nothing. The statement added that costs would rise."
    assert unit_with(text, "costs would rise").speaker == ""
    text = "The report, published on Tuesday, found that 40% of homes were cold.\n\n"
    assert unit_with(text + "The report said the government should act.", "act").speaker == ""
