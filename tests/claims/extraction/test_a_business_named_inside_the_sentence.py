""" "A hosepipe ban affecting 1.5 million customers of Anglian Water will begin on Friday, the
company confirmed." (2026-12-07, session 33; a drought story written here).

It named nobody: the businesses a sentence names were learned only after its speaker was
looked for, and "the company" read the sentence's opening and the organisations before it.
The one business the sentence names before its verb of saying is read now, after the one it
opens with; not one named after the verb ("The company said it would work with the NHS").
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_the_business_named_before_the_verb() -> None:
    text = (
        "The Met Office said May was dry. A hosepipe ban affecting 1.5 million customers of "
        "Anglian Water will begin on Friday, the company confirmed."
    )
    assert speaker_of(text, "1.5 million") == "Anglian Water"


def test_two_businesses_or_one_after_the_verb_name_no_one_new() -> None:
    two = (
        "A ban affecting 1.5 million customers of Anglian Water and Essex and Suffolk Water "
        "will begin on Friday, the company confirmed."
    )
    assert speaker_of(two, "1.5 million") == ""
    after = "The company said 2 hospitals would work with Thames Water."
    assert speaker_of(after, "2 hospitals") == ""
