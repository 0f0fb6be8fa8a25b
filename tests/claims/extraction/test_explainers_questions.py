"""An explainer written as questions and answers (2026-12-07, session 28; a rail timetable
explainer written here).

"Q&A: What the new rail timetable means for you" made "Q&A" a business named on the page, so
"The company says ..." under a question line had two businesses to choose from and waited for
the next organisation named: "according to the union Aslef". A format's label names no
organisation, and "the company" waiting for a name never takes one the text introduced as a
union (or any other body that is no business).
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

EXPLAINER = """Q&A: What the new rail timetable means for you

What is changing?

From 15 December, Northern Rail will run 200 fewer trains a day on routes around Manchester, \
the operator said.

Why is this happening?

The company says it does not have enough drivers. It has 120 vacancies, according to the union \
Aslef.
"""


def test_the_company_under_a_question_is_the_business_named_before() -> None:
    assert speaker_of(EXPLAINER, "enough drivers") == "Northern Rail"
    assert speaker_of(EXPLAINER, "120 vacancies") == "Aslef"


def test_a_company_waiting_for_its_name_never_takes_a_union() -> None:
    text = (
        "Drivers will walk out on Friday.\n\n"
        "The company says it does not have enough drivers. It has 120 vacancies, according to "
        "the union Aslef.\n"
    )
    assert speaker_of(text, "enough drivers") != "Aslef"
    # a business named next is still the one the company waited for
    text = (
        "Drivers will walk out on Friday.\n\n"
        "The company says it does not have enough drivers. Northern Rail said it had 120 "
        "vacancies.\n"
    )
    assert speaker_of(text, "enough drivers") == "Northern Rail"
