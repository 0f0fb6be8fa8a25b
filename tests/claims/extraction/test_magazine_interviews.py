"""A magazine interview: questions as paragraphs of their own, and the answers of the one person
the standfirst names (2026-12-07, session 28; an interview written here).

The answers ("About 25% of it, at high resolution.", "We found more than 300 seamounts ...")
were nobody's. They are the interviewee's when the page says it is an interview and names one
person before the first question; an explainer's answers (the outlet's voice), a column's
rhetorical questions and a standfirst naming two people stay as they were.
"""

from __future__ import annotations

from claims.extraction import PERSON
from tests.claims.extraction_helpers import speaker_of, unit_with

QUESTIONS = """
How much of the ocean floor has been mapped?

About 25% of it, at high resolution. When I started it was less than 10%.

What surprised you most?

We found more than 300 seamounts that were not on any chart. "It changes the maps," her \
colleague John Hart said.
"""
INTERVIEW = (
    "Interview: the scientist mapping the ocean floor\n\n"
    "Dr Leila Amari has spent 15 years mapping the seabed of the North Atlantic. We spoke to "
    "her about what she has found.\n" + QUESTIONS
)


def test_an_interviews_answers_are_the_interviewees() -> None:
    for words in ("25%", "less than 10%", "300 seamounts"):
        sentence = unit_with(INTERVIEW, words)
        assert (sentence.speaker, sentence.speaker_type) == ("Leila Amari", PERSON)
    # a quotation of someone else inside an answer stays theirs
    assert speaker_of(INTERVIEW, "changes the maps") == "John Hart"


def test_questions_that_are_no_interview_keep_their_answers_unattributed() -> None:
    # an explainer: the outlet's own voice
    explainer = (
        "Rachel Reeves set out the rail plan on Monday.\n\n"
        "What is changing?\n\nFrom 15 December, 200 fewer trains will run a day.\n\n"
        "Will fares go down?\n\nNo. Ticket prices will rise by 4.6% in March.\n"
    )
    assert speaker_of(explainer, "200 fewer") == ""
    # a column's rhetorical questions, even in the first person
    column = (
        "Rachel Reeves delivered her budget on Wednesday.\n\n"
        "What did it mean for families?\n\nI think it meant higher bills for most of them.\n\n"
        "Who pays?\n\nMy neighbours do, and they pay 20% more than last year.\n"
    )
    assert speaker_of(column, "20% more") == ""
    # an interviewer and an interviewee named: whose answers, the rules do not tell
    two = (
        "Our science editor Tom Hale spoke to Dr Leila Amari, who has spent 15 years mapping "
        "the seabed.\n" + QUESTIONS
    )
    assert speaker_of(two, "300 seamounts") == ""


ORSTED_QA = """Interview: 'We cut emissions by 40%'

The chief executive of Orsted, Mads Nipper, talks to our energy correspondent about wind power.

Q: How much have you cut emissions?
A: We have cut our emissions by 40% since 2020. We were a coal company.

Q: Is offshore wind still profitable?
A: Yes. Our margins fell last year, but 90% of our energy is renewable.
"""


def test_an_interviewee_with_a_given_name_the_list_lacks() -> None:
    # session 28: "Mads" is no given name the project lists, and the answers say "we", so the
    # "Q:"/"A:" answers and the paragraph answers were nobody's
    for words in ("40% since 2020", "90% of our energy"):
        assert speaker_of(ORSTED_QA, words) == "Mads Nipper"
    paragraphs = (
        "Mads Nipper, chief executive of Orsted, spoke to the Guardian.\n\n"
        "How much have you cut emissions?\n\n"
        "We have cut our emissions by 40% since 2020. We were a coal company.\n\n"
        "Is offshore wind still profitable?\n\n"
        "Yes. Our margins fell last year, but 90% of our energy is renewable.\n"
    )
    assert speaker_of(paragraphs, "90% of our energy") == "Mads Nipper"
