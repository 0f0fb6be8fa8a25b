"""A line that only says someone did not comment is news prose but no claim.

The debate-trained model scored such lines 0.75 to 0.91 (a named actor and an event verb), so
they reached the desk as claims; the desk's policy overrules it, in the open: the explanation
names the policy and the contributions still add up to the logit.
"""

from __future__ import annotations

import math

import pytest

from claims.extraction import extract, read_text
from claims.extraction.prose import (
    NO_COMMENT,
    NO_COMMENT_LOGIT,
    apply_no_comment,
    is_declarative,
    says_only_no_comment,
)
from claims.extraction.scoring import Feature

# Written for these tests, in the manner of a business story.
ARTICLE = "\n\n".join(
    [
        "Apple will pay $490 million to settle a lawsuit accusing its chief executive of "
        "misleading shareholders, according to a court filing.",
        "Shareholders had alleged that the company hid falling demand for iPhones in China. "
        "Apple did not respond to requests for comment.",
        "The company declined to comment on the filing, but said it would cooperate with the "
        "regulator.",
    ]
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Treasury declined to comment.",
        "His office did not respond to a request for comment on Tuesday.",
        "Former league chief executive Richard Scudamore declined to comment when contacted by "
        "the BBC.",
        "Representatives for both candidates did not respond to requests for comment.",
        "The army declined to provide an attributable comment.",
        "Lawyers for Smith could not be reached for comment.",
        "The ministry did not immediately return a call seeking comment.",
        "Amazon has been approached for comment.",
        "The BBC has contacted Mr Smith for comment.",
        "A spokesman for the ministry, reached by phone, declined to comment.",
        "Meta did not immediately respond to Reuters' request for comment.",
        "The White House has not commented publicly.",
        "Neither company responded to requests for comment.",
    ],
)
def test_a_no_comment_line_is_recognised(sentence: str) -> None:
    assert says_only_no_comment(sentence)
    assert not is_declarative(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # something else is said in the same sentence
        "The company declined to comment, but said it would cooperate with the investigation.",
        "Apple declined to comment on the report, which said 5,000 jobs would go.",
        "Officials declined to comment on the record but confirmed the deal.",
        "The minister refused to comment on claims that jobs would go.",
        "Shares fell sharply after the company declined to comment.",
        'He said: "I declined to comment because the case is ongoing."',
        # not about a comment at all
        "Apple did not respond to the lawsuit until last year.",
        "He has not returned to the country since the coup.",
        "She did not reply to the letter, which accused her of fraud.",
        "The comment section was closed.",
        "No comment.",
    ],
)
def test_a_line_that_says_more_is_not(sentence: str) -> None:
    assert not says_only_no_comment(sentence)


def test_the_policy_sets_the_logit_and_explains_it() -> None:
    features = (Feature("baseline", 1.0, -1.0, -1.0), Feature("named_entity", 1.0, 3.3, 3.3))
    score, explained = apply_no_comment(1 / (1 + math.exp(-2.3)), features)
    assert score == pytest.approx(1 / (1 + math.exp(-NO_COMMENT_LOGIT)))
    assert explained[:2] == features
    assert explained[-1].name == NO_COMMENT
    assert sum(f.contribution for f in explained) == pytest.approx(NO_COMMENT_LOGIT)
    # A line the model already scores lower keeps its score.
    low = 1 / (1 + math.exp(4.0))
    assert apply_no_comment(low, features) == (low, features)


def test_extraction_keeps_the_line_but_not_as_a_claim() -> None:
    extraction = extract(read_text(ARTICLE))
    texts = [s.text for s in extraction.sentences]
    assert "Apple did not respond to requests for comment." in texts
    claims = [c.text for c in extraction.claims()]
    assert "Apple did not respond to requests for comment." not in claims
    line = next(s for s in extraction.sentences if s.text.startswith("Apple did not respond"))
    assert [f.name for f in line.features][-1] == NO_COMMENT
    assert "news article: declarative sentence" not in [f.name for f in line.features]
    # the claims around it stay claims, the one that says more too
    assert any(c.startswith("Apple will pay $490 million") for c in claims)
    assert any(c.startswith("The company declined to comment on the filing") for c in claims)


def test_when_it_happened_may_follow_but_not_another_clause() -> None:
    assert says_only_no_comment("Nelson declined to comment after the verdict.")
    assert not says_only_no_comment("Nelson declined to comment after the company said it lied.")
