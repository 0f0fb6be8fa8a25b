"""The rule scorer: explainable, bounded, ordered sensibly, and replaceable."""

# The articles use typographic apostrophes (U+2019); these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

import math

import pytest

from claims.extraction import (
    FEATURE_NAMES,
    RULE_MIN_SCORE,
    Feature,
    RuleScorer,
    extract,
    read_text,
)

FACTS = [
    "Allied forces even provided ships and hardware to facilitate the invasion in 1945.",
    "Hungary on Tuesday vetoed a 412 million euros aid package for Ukrainian farmers.",
    "Landings of Atlantic cod fell 45 per cent between 2015 and 2022, the agency reported.",
    "In 2006, a Japanese fisherman was shot dead in the conflict’s first fatality for 50 years.",
    "Last year, Russia amended its constitution to ban handing over territory.",
]
NON_CLAIMS = [
    "Think your friends would be interested? Share this story!",
    "15 Feb, 2021 11:59",
    "Is this the end of European solidarity?",
    "I think that the government will continue to be determined to negotiate.",
    "In my view the quotas should have been cut years ago.",
    "The fleets will have to adapt and prices will rise next year.",
    "Sign up for our newsletter to get the top stories in your inbox.",
    "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon",
    "Sorry Sergey, you’re Shinzo now!",
]


def _score(text: str) -> float:
    return RuleScorer().score(text)[0]


def test_facts_score_above_threshold_and_non_claims_below() -> None:
    fact_scores = [_score(t) for t in FACTS]
    other_scores = [_score(t) for t in NON_CLAIMS]
    assert min(fact_scores) >= RULE_MIN_SCORE > max(other_scores)


def test_junk_and_questions_score_lowest() -> None:
    junk = [_score(t) for t in NON_CLAIMS[:3]]
    opinions = [_score(t) for t in NON_CLAIMS[3:6]]
    assert max(junk) < 0.15
    assert max(junk) < min(_score(t) for t in FACTS)
    assert max(opinions) < min(_score(t) for t in FACTS)


def test_contributions_add_up_to_the_logit() -> None:
    for text in FACTS + NON_CLAIMS:
        score, features = RuleScorer().score(text)
        assert 0.0 <= score <= 1.0
        assert features[0].name == "baseline"
        logit = sum(f.contribution for f in features)
        assert score == pytest.approx(1 / (1 + math.exp(-logit)))
        for feature in features:
            assert feature.name in FEATURE_NAMES
            assert feature.contribution == pytest.approx(feature.value * feature.weight)
            assert feature.value != 0


@pytest.mark.parametrize(
    ("text", "fired", "absent"),
    [
        ("Moscow maintains that the territory was promised.", {"attribution_verb"}, set()),
        ("Officials insisted the port was closed.", {"attribution_verb"}, set()),
        (
            "Despite maintaining its claim, Moscow has backed compromise measures.",
            {"past_event_verb"},
            {"attribution_verb"},
        ),
        ("We keep our promises to the farmers of the region.", set(), {"attribution_verb"}),
        ("The ministry said the bridge would reopen.", set(), {"prediction"}),
        ("The bridge would reopen in spring, engineers hope.", {"prediction"}, set()),
        ("The package would have compensated farmers.", set(), {"prediction"}),
        ("The Commission is expected to present a proposal.", {"prediction"}, {"passive_voice"}),
        ("The islands were transferred to the Soviet Union.", {"passive_voice"}, set()),
        ("The largest reduction, more than ever before.", {"comparison_or_superlative"}, set()),
        ("It might perhaps be true.", {"hedge"}, set()),
        ("The Russian Ministry of Foreign Affairs hit out.", {"organisation"}, set()),
        ("Talks resumed in May 2019 and again on Monday.", {"date_or_time"}, set()),
        ("May we ask a question?", {"question"}, {"date_or_time"}),
        ("Click here to subscribe to our updates.", {"call_to_action"}, set()),
        ("Imagine the view from the top.", {"imperative"}, set()),
        ("Great!", {"exclamation", "short_fragment"}, set()),
    ],
)
def test_features_fire_where_expected(text: str, fired: set[str], absent: set[str]) -> None:
    names = {f.name for f in RuleScorer().score(text)[1]}
    assert fired <= names
    assert not absent & names


def test_weights_can_be_overridden_but_names_are_checked() -> None:
    quiet = RuleScorer(weights={"number": 0.0})
    _, features = quiet.score(FACTS[1])
    assert next(f for f in features if f.name == "number").contribution == 0.0
    with pytest.raises(ValueError, match="Unknown feature weight"):
        RuleScorer(weights={"numbers": 1.0})


def test_another_scorer_plugs_in_through_the_protocol() -> None:
    class Constant:
        def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
            return 0.75, (Feature("model", 1.0, 1.1, 1.1),)

    extraction = extract(read_text(" ".join(FACTS)), scorer=Constant())
    assert extraction.sentences
    assert all(s.checkworthiness == 0.75 for s in extraction.sentences)
    assert len(extraction.claims()) == len(extraction.sentences)
    assert extraction.sentences[0].features[0].as_dict() == {
        "name": "model",
        "value": 1.0,
        "weight": 1.1,
        "contribution": 1.1,
    }
