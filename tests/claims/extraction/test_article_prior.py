"""The article prior: declarative sentences of an article weigh more than debate lines.

The debate-trained model scores news prose low ("could face a fine", "will be able to"); the
pipeline adds one weight, chosen leave-one-article-out on the gold news pages, to the logit of
each declarative sentence, and names it in the claim's explanation.
"""

from __future__ import annotations

import math

import pytest

from claims.extraction import (
    DEFAULT_MIN_SCORE,
    Extraction,
    RuleScorer,
    ScoredSentence,
    extract,
    read_text,
)
from claims.extraction.prose import (
    ARTICLE_PRIOR,
    ARTICLE_PRIOR_WEIGHT,
    SHORT_FIGURE,
    apply_article_prior,
    is_declarative,
)
from claims.extraction.scoring import Feature

# Written for these tests, in the manner of a local news story, plus one sentence of
# tests/fixtures/articles/eu-budget-row.html (the Budapest one).
ARTICLE = "\n\n".join(
    [
        "Landlords face fines under new register",
        "Landlords could face a £5,000 fine if they fail to register their properties with the "
        "council.",
        "Budapest insists that the money should come from unspent cohesion funds rather than new "
        "contributions.",
        "- Register: how to apply",
        "Will the register work?",
        "Inspectors found damp in one rented home in four, the council said.",
    ]
)
MODAL_FACT = "Landlords could face a £5,000 fine"
REPORTED_POSITION = "Budapest insists"


def _sentence(extraction: Extraction, start: str) -> ScoredSentence:
    matches = [s for s in extraction.sentences if s.text.startswith(start)]
    assert len(matches) == 1, f"{len(matches)} sentences start with {start!r}"
    return matches[0]


@pytest.fixture(scope="module")
def with_prior() -> Extraction:
    return extract(read_text(ARTICLE))


@pytest.fixture(scope="module")
def debate_only() -> Extraction:
    return extract(read_text(ARTICLE), article_prior=0.0)


@pytest.mark.parametrize(
    ("sentence", "context", "declarative"),
    [
        ("Inspectors found damp in one rented home in four, the council said.", "", True),
        ('"We will appeal against the fine," the company said.', "", True),
        ("The regulator said the operator had failed to act!", "", True),
        ("Landlords face fines under new register", "", False),  # a headline
        ("Will the register work once every landlord has signed up?", "", False),
        ("- 33% of rented homes in the borough are licensed.", "", False),  # a list item
        ("• Tenants can report a landlord from April.", "", False),
        ("It is a disgrace.", "", False),  # too short to say anything checkable
        (
            "US tells 20,000 Russian islanders that it considers them to be Japanese.",
            "related-article headline",
            False,
        ),
    ],
)
def test_declarative_sentences_are_article_prose_only(
    sentence: str, context: str, declarative: bool
) -> None:
    assert is_declarative(sentence, context) is declarative


def test_prior_adds_its_weight_to_the_logit_and_names_itself_after_the_baseline() -> None:
    features = (Feature("baseline", 1.0, -1.0, -1.0), Feature("number", 1.0, 0.5, 0.5))
    score = 1 / (1 + math.exp(0.5))
    lifted, explained = apply_article_prior(score, features, 1.25)
    assert math.log(lifted / (1 - lifted)) == pytest.approx(-0.5 + 1.25)
    assert [f.name for f in explained] == ["baseline", ARTICLE_PRIOR, "number"]
    assert sum(f.contribution for f in explained) == pytest.approx(-0.5 + 1.25)
    assert apply_article_prior(score, features, 0.0) == (score, features)


def test_a_modal_statement_of_fact_becomes_a_claim_in_an_article(
    with_prior: Extraction, debate_only: Extraction
) -> None:
    for start in (MODAL_FACT, REPORTED_POSITION):
        assert _sentence(debate_only, start).checkworthiness < DEFAULT_MIN_SCORE
        claim = _sentence(with_prior, start)
        assert claim.checkworthiness >= DEFAULT_MIN_SCORE
        assert claim in with_prior.claims()
        # The desk shows why: the prior is in the explanation, with its weight.
        prior = [f for f in claim.features if f.name == ARTICLE_PRIOR]
        assert prior == [Feature(ARTICLE_PRIOR, 1.0, ARTICLE_PRIOR_WEIGHT, ARTICLE_PRIOR_WEIGHT)]
        assert claim.features[1].name == ARTICLE_PRIOR


def test_the_explanation_still_adds_up_to_the_score(with_prior: Extraction) -> None:
    for sentence in with_prior.sentences:
        logit = math.fsum(f.contribution for f in sentence.features)
        assert sentence.checkworthiness == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-6)


def test_headlines_list_items_and_questions_get_no_prior(
    with_prior: Extraction, debate_only: Extraction
) -> None:
    # (a list item's text starts after its bullet)
    for start in ("Landlords face fines under new register", "Register:", "Will the register"):
        sentence = _sentence(with_prior, start)
        assert ARTICLE_PRIOR not in {f.name for f in sentence.features}
        assert sentence.checkworthiness == _sentence(debate_only, start).checkworthiness
        assert sentence.checkworthiness < DEFAULT_MIN_SCORE


def test_a_scorer_passed_in_gets_no_prior_unless_asked() -> None:
    document = read_text(ARTICLE)
    rules = extract(document, scorer=RuleScorer())
    assert not any(ARTICLE_PRIOR in {f.name for f in s.features} for s in rules.sentences)
    asked = extract(document, scorer=RuleScorer(), article_prior=2.0)
    lifted = _sentence(asked, MODAL_FACT)
    assert lifted.checkworthiness > _sentence(rules, MODAL_FACT).checkworthiness
    assert ARTICLE_PRIOR in {f.name for f in lifted.features}


# Written for these tests, in the manner of an economics report: news states figures tersely.
TERSE = "\n\n".join(
    [
        "Jobs market cools as fewer vacancies are advertised",
        "Employers advertised 12% fewer vacancies in the three months to October than a year "
        "earlier, the statistics office said. Unemployment fell to 4.1%. Turnout was 52%.",
        "It rose 5%. Page 2 of 5. Thank you all.",
    ]
)


@pytest.mark.parametrize(
    ("sentence", "short_figure"),
    [
        ("Unemployment fell to 4.1%.", True),
        ("Turnout was 52%.", True),
        ("Exports to China fell 11%.", True),
        ("It rose 5%.", False),  # a pronoun: what rose is in another sentence
        ("Page 2 of 5.", False),  # no verb
        ("Updated 10:42 GMT.", False),
        ("Unemployment fell sharply.", False),  # no figure
        ('"Turnout was 52%," he said.', False),  # a quotation: its own rules
        ("Turnout was 52%", False),  # a headline: no full stop
        ("Prices rose.", False),  # under three words
    ],
)
def test_a_short_sentence_is_declarative_only_when_it_states_a_figure(
    sentence: str, short_figure: bool
) -> None:
    assert is_declarative(sentence) is short_figure


def test_a_short_statement_of_a_figure_is_a_claim_with_its_fragment_penalty_taken_back() -> None:
    extraction = extract(read_text(TERSE))
    debate = extract(read_text(TERSE), article_prior=0.0)
    for start in ("Unemployment fell to 4.1%.", "Turnout was 52%."):
        assert _sentence(debate, start).checkworthiness < DEFAULT_MIN_SCORE
        claim = _sentence(extraction, start)
        assert claim in extraction.claims()
        by_name = {f.name: f.contribution for f in claim.features}
        taken = -(by_name["short_fragment"] + by_name.get("few_content_words", 0.0))
        assert by_name[SHORT_FIGURE] == pytest.approx(taken)
        assert [f.name for f in claim.features[:3]] == ["baseline", ARTICLE_PRIOR, SHORT_FIGURE]
        logit = math.fsum(f.contribution for f in claim.features)
        assert claim.checkworthiness == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-6)
    for start in ("It rose 5%.", "Page 2 of 5.", "Thank you all."):
        sentence = _sentence(extraction, start)
        assert SHORT_FIGURE not in {f.name for f in sentence.features}
        assert sentence.checkworthiness < DEFAULT_MIN_SCORE
