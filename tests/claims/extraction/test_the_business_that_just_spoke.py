"""A described business right after the business spoke of itself, and adverbs between a
speaker and the verb (2026-12-07, session 27; tech and court copy written here).

"OpenAI released GPT-5, saying ... ChatGPT's earlier versions. The San Francisco-based company
said ..." was the description itself (OpenAI and ChatGPT both candidates); "He has always
denied wrongdoing, saying ..." was nobody's ("always" stood between "has" and the verb).
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with

OPENAI = """OpenAI launches GPT-5

OpenAI released GPT-5 on Thursday, saying the model makes fewer errors than ChatGPT's earlier \
versions.

The San Francisco-based company said 700 million people use ChatGPT every week.
"""


def test_a_described_business_is_the_one_that_just_spoke_of_itself() -> None:
    sentence = unit_with(OPENAI, "700 million")
    assert (sentence.speaker, sentence.speaker_type) == ("OpenAI", ORGANIZATION)
    text = (
        "Nvidia reported revenue of $35bn on Wednesday.\n\n"
        "The Santa Clara-based company said demand for its chips was strong.\n"
    )
    assert speaker_of(text, "demand") == "Nvidia"
    # a place and its state before "-based", a comma between them
    text = text.replace("Santa Clara-based", "Santa Clara, California-based")
    assert speaker_of(text, "demand") == "Nvidia"


def test_a_business_that_spoke_of_another_is_no_description_of_it() -> None:
    # Ofwat spoke of Thames Water: "The London-based company" is not Ofwat by this rule.
    text = (
        "Thames Water was fined £104m, Ofwat said on Tuesday.\n\n"
        "The London-based company said it would not appeal.\n"
    )
    assert speaker_of(text, "appeal") != "Ofwat"


def test_adverbs_between_a_speaker_and_the_verb() -> None:
    text = (
        "John Smith was arrested in May. "
        "He has always denied wrongdoing, saying the payments were legal."
    )
    assert extract(read_text(text)).sentences[-1].speaker == "John Smith"
    text = "Jane Doe resigned in May. She has long argued that the tax is unfair."
    assert extract(read_text(text)).sentences[-1].speaker == "Jane Doe"
