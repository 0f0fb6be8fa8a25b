"""The learned scorer: the default, explainable, calibrated, and right about the example article."""

# The articles use typographic apostrophes (U+2019); these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

import gzip
import json
import logging
import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from claims.extraction import (
    DEFAULT_MIN_SCORE,
    FEATURE_NAMES,
    RULE_MIN_SCORE,
    Extraction,
    RuleScorer,
    default_min_score,
    default_scorer,
    extract,
    pipeline,
    read_path,
)
from claims.extraction.learned import MODEL_PATH, LearnedScorer, ModelFileError
from claims.extraction.learned.features import (
    char_block,
    normalise,
    sublinear_unit,
    word_ngrams,
)
from claims.extraction.learned.rescoring import MEANING, WORD_MEANING, use_encoder
from claims.extraction.learned.scorer import OTHER_WORDS

ARTICLE = Path(__file__).resolve().parents[3] / "claims" / "demo" / "kuril-islands-2021-02-15.txt"
LINES = ARTICLE.read_text().splitlines()
JUNK = LINES[0]  # "icon bookmark-bicon bookmarkicon ..."
DATELINE = "15 Feb, 2021 11:59"
SHARE_PROMPT = "Think your friends would be interested? Share this story!"

# The example article, sentence by sentence, as the desk reads it. A fact is something a
# fact-checker can verify against records, reported facts included. Left out of both lists, as
# neither: the mixed "Kato said that negotiations could continue ..., but it is not clear ...",
# the hint and the hope ("Yoshihide Suga ... hinted", "Sergey Lavrov has also emphasized his
# hope") whose report is checkable but whose content is not, and the quoted accusation "But
# today the State Department is seeking ...".
FACTS = (
    "At a briefing with journalists on Monday, Katsunobo Kato",
    "The issue of sovereignty over four islands",
    "Moscow maintains that the territory was promised",
    "Allied forces even provided ships and hardware",
    "New Japanese PM hints at end to dispute",
    "Japan has continued to push its claim",
    "Last year, Russia amended its constitution",
    "In September, ex-President Dmitry Medvedev said",
    "In December, Sapporo-based newspaper Hokkaido Shimbun reported",
    "Despite the local population including many ethnic Russians",
    "US tells 20,000 Russian islanders",
    "A spokesperson added that “In 1945, the Kuril Islands were transferred",
    "However, despite maintaining its claim over the archipelago, Moscow has backed",
    "Tokyo’s vessels are also allowed to catch fish",
    "In the past, the islands have been a flash point",
)
NON_FACTS = {
    "Russia & Japan could finally sign WWII peace deal": "prediction (the headline)",
    "Seventy-five years after the fighting stopped": "prediction",
    "“I think that the government will continue": "opinion",
    "He said that the row “should not be passed on": "opinion",
    "Sorry Sergey, you’re Shinzo now!": "teaser",
    "asking “do you need more proof": "question",
}


@pytest.fixture(autouse=True, scope="module")
def _encoder_registered() -> Iterator[None]:
    """The second stage's encoder, registered as the claims app does at start-up."""
    from claims.semantic.encoder import load_encoder

    use_encoder(load_encoder)
    yield
    use_encoder(None)


@pytest.fixture(scope="module")
def scorer(_encoder_registered: None) -> LearnedScorer:
    return LearnedScorer.load()


@pytest.fixture(scope="module")
def first_stage() -> LearnedScorer:
    """The same model without its second stage (as when the encoder cannot load)."""
    model = LearnedScorer.load()
    model.first_stage_only()
    return model


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    """The example article scored by the learned model alone: without the article prior that
    extraction adds for news prose (tested in test_article_prior.py)."""
    return extract(read_path(ARTICLE), article_prior=0.0)


def _one(extraction: Extraction, fragment: str) -> float:
    matches = [s for s in extraction.sentences if fragment in s.text]
    assert len(matches) == 1, f"{len(matches)} sentences contain {fragment!r}"
    return matches[0].checkworthiness


def test_the_model_file_ships_and_is_the_default() -> None:
    assert MODEL_PATH.is_file()
    assert isinstance(default_scorer(), LearnedScorer)
    assert DEFAULT_MIN_SCORE == default_min_score() == default_scorer().threshold
    assert 0.0 < DEFAULT_MIN_SCORE < 1.0


def test_missing_model_falls_back_to_the_rules_with_a_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("claims.extraction.learned.MODEL_PATH", tmp_path / "none.json.gz")
    default_scorer.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger=pipeline.__name__):
            assert isinstance(default_scorer(), RuleScorer)
            assert default_min_score() == RULE_MIN_SCORE
        assert "No check-worthiness model" in caplog.text
        assert "train_checkworthiness" in caplog.text
    finally:
        default_scorer.cache_clear()


def test_unreadable_model_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(ModelFileError, match="train_checkworthiness"):
        LearnedScorer.load(broken)
    other = tmp_path / "other.json.gz"
    with gzip.open(other, "wt") as f:
        f.write('{"format": "something/else"}')
    with pytest.raises(ModelFileError, match="Not a check-worthiness model"):
        LearnedScorer.load(other)


@pytest.mark.parametrize(
    "text",
    [
        LINES[0],
        DATELINE,
        SHARE_PROMPT,
        "Allied forces even provided ships and hardware to facilitate the invasion in 1945.",
        "I think that the government will continue to be determined to negotiate.",
        "",
        "¿Qué? 42 % — “ok”",
    ],
)
def test_contributions_add_up_to_the_calibrated_score(scorer: LearnedScorer, text: str) -> None:
    score, features = scorer.score(text)
    assert 0.0 <= score <= 1.0
    assert features[0].name == "baseline"
    # Each later stage that rescored the text scales the baseline and adds its own bias.
    expected = scorer.bias
    for stage in scorer.stages:
        if any(f.name == stage.feature for f in features):
            expected = expected * stage.stage1 + stage.bias
    assert features[0].contribution == pytest.approx(expected)
    logit = sum(f.contribution for f in features)
    assert score == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-9)
    assert score == pytest.approx(scorer.probability(text), abs=1e-9)
    for feature in features:
        assert feature.contribution == pytest.approx(feature.value * feature.weight)
        assert feature.value != 0
        assert (
            feature.name in FEATURE_NAMES
            or feature.name.startswith(("words: '", "characters: '", "boilerplate: "))
            or feature.name in {OTHER_WORDS, MEANING, WORD_MEANING}
        )


def test_explanation_names_the_rules_and_the_strongest_words(
    first_stage: LearnedScorer,
) -> None:
    scorer = first_stage
    _, features = scorer.score("Landings of Atlantic cod fell 45 per cent between 2015 and 2022.")
    by_name = {f.name: f for f in features}
    assert by_name["number"].weight == scorer.rule_weights["number"] > 0
    assert by_name["date_or_time"].value == 2.0
    assert any(name.startswith(("words: '", "characters: '")) for name in by_name)
    # The first stage reads numbers as digit shapes: any two-digit per cent reads the same.
    assert (
        scorer.score("Landings fell 45 per cent.")[0]
        == scorer.score("Landings fell 12 per cent.")[0]
    )


def _rescoring_everything() -> LearnedScorer:
    """The shipped model with its bands widened to every score: the later stages' arithmetic
    without depending on which sentences fall in the shipped bands."""
    model = LearnedScorer.load()
    assert model.word_stage is not None, "the shipped model has a word stage"
    assert model.rescorer is not None, "the shipped model has a sentence stage"
    for stage in model.stages:
        stage.low, stage.high = 0.0, 1.0
    return model


def test_a_rescored_sentence_keeps_its_explanation(first_stage: LearnedScorer) -> None:
    """A rescored sentence keeps the first stage's features, scaled, plus each stage's
    meaning (the word stage's is scaled by the sentence stage in turn)."""
    scorer = _rescoring_everything()
    word, sentence = scorer.word_stage, scorer.rescorer
    assert word is not None and sentence is not None
    text = "Landings of Atlantic cod fell 45 per cent between 2015 and 2022."
    first = {f.name: f for f in first_stage.score(text)[1]}
    score, features = scorer.score(text)
    second = {f.name: f for f in features}
    assert set(second) == set(first) | {WORD_MEANING, MEANING}
    for name, feature in first.items():
        if name != "baseline":
            assert second[name].contribution == pytest.approx(
                feature.contribution * word.stage1 * sentence.stage1
            )
    [meaning] = word.meanings([text])
    assert second[WORD_MEANING].contribution == pytest.approx(meaning * sentence.stage1)
    assert score == pytest.approx(1 / (1 + math.exp(-sum(f.contribution for f in features))))
    assert score != first_stage.score(text)[0]


def test_out_of_the_band_the_first_stage_decides(
    scorer: LearnedScorer, first_stage: LearnedScorer
) -> None:
    texts = [line for line in LINES if line.strip()]
    outside = 0
    for text in texts:
        first = first_stage.score(text)[0]
        if not any(stage.in_band(first) for stage in scorer.stages):
            assert scorer.score(text) == first_stage.score(text)
            outside += 1
    assert outside


def test_in_an_article_a_sentence_the_policy_flags_keeps_its_first_stage_score(
    first_stage: LearnedScorer,
) -> None:
    """Questions, opinions, predictions and fragments are not claims on this desk: in an
    article the later stages (which learned the debates' view) never lift them, whatever
    their band. Debate lines are scored as the model was trained."""
    scorer = _rescoring_everything()
    assert {"question", "prediction", "first_person_opinion"} <= scorer.policy_rules
    texts = [
        "Will the register cut rents by 20 per cent?",
        "I think that the government will continue to be determined to negotiate.",
        "The Commission is expected to present a revised proposal next month.",
        "Landlords face fines under new register",
    ]
    in_article = scorer.score_many(texts, article=True)
    as_lines = scorer.score_many(texts)
    for text, scored, line in zip(texts, in_article, as_lines, strict=True):
        assert any(f.name in scorer.policy_rules for f in scored[1]), text
        assert scored == first_stage.score(text)
        assert {WORD_MEANING, MEANING} <= {f.name for f in line[1]}, text
    # An unflagged sentence is rescored by both stages in an article too.
    [(_, features)] = scorer.score_many(
        ["Landings of Atlantic cod fell 45 per cent in 2022."], article=True
    )
    assert {WORD_MEANING, MEANING} <= {f.name for f in features}


def test_score_many_is_score_for_each_text() -> None:
    scorer = _rescoring_everything()
    texts = [*LINES[:12], "", "It rose 12% in 2020, she said."]
    many = scorer.score_many(texts)
    assert len(many) == len(texts)
    for text, (score, features) in zip(texts, many, strict=True):
        single = scorer.score(text)
        assert score == pytest.approx(single[0], abs=1e-6)  # batched embeddings: float noise
        assert [f.name for f in features] == [f.name for f in single[1]]
    assert scorer.score_many([]) == []


def test_without_the_encoder_the_first_stage_scores_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, first_stage: LearnedScorer
) -> None:
    monkeypatch.setattr(
        "claims.extraction.learned.rescoring._registered_loader", lambda model_id: None
    )
    model = _rescoring_everything()
    texts = [line for line in LINES if line.strip()]
    with caplog.at_level(logging.WARNING):
        assert model.score_many(texts) == first_stage.score_many(texts)
    assert "sentence encoder is unavailable" in caplog.text
    assert model.score_many(texts[:3]) == first_stage.score_many(texts[:3])  # warned once
    assert caplog.text.count("sentence encoder is unavailable") == 1


def test_a_failing_tokenizer_leaves_the_first_stage(
    caplog: pytest.LogCaptureFixture, first_stage: LearnedScorer
) -> None:
    """The word stage runs first; when its tokenizer fails, neither later stage rescores (the
    sentence stage was fitted on the word stage's scores) and extraction goes on."""
    model = _rescoring_everything()

    class Broken:
        model_id = model.stages[0].encoder_id

        def word_pieces(self, words: list[str]) -> list[list[int]]:
            raise RuntimeError("tokenizer exploded")

    for stage in model.stages:
        stage._encoder = Broken()
    texts = [line for line in LINES if line.strip()]
    with caplog.at_level(logging.ERROR):
        assert model.score_many(texts) == first_stage.score_many(texts)
    assert "the tokenizer failed; first stage only" in caplog.text


def test_scores_are_repeatable_and_the_token_cache_changes_nothing(
    scorer: LearnedScorer,
) -> None:
    text = (
        "Tokyo’s vessels are also allowed to catch fish in Russian waters around the archipelago."
    )
    fresh = LearnedScorer.load()
    assert fresh.score(text) == scorer.score(text) == scorer.score(text)


def test_scorer_agrees_with_the_training_features(scorer: LearnedScorer) -> None:
    """The fast scoring path computes what training fitted: weights . features, and in the
    bands the later stages over the logit so far and what they read (the word stage the
    token weights, the sentence stage the fine-tuned classifier's logit)."""
    from claims.semantic.encoder import CLASSIFIER_ID, load_encoder

    encoder = load_encoder()
    classifier = load_encoder(CLASSIFIER_ID)
    assert encoder is not None and classifier is not None
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        model = json.load(f)
    words = {g: e[0] for g, e in model["words"].items()}
    chars = {g: e[0] for g, e in model["chars"].items()}

    def weight(entry: list[float]) -> float:
        return entry[1] if len(entry) > 1 else 0.0

    for text in [*ARTICLE.read_text().split("\n"), "", "It rose 12% in 2020, she said."]:
        counts = Counter(word_ngrams(normalise(text)))
        logit = model["bias"]
        logit += sum(
            v * weight(model["words"][g]) for g, v in sublinear_unit(counts, words).items()
        )
        logit += sum(v * weight(model["chars"][g]) for g, v in char_block(text, chars).items())
        logit += sum(f.value * model["rules"][f.name] for f in RuleScorer().score(text)[1][1:])
        stage = model["word_stage"]
        low, high = stage["band"]
        if low <= 1 / (1 + math.exp(-logit)) <= high:
            ids = [i for piece in encoder.word_pieces(text.split()) for i in piece]
            if ids:
                total = sum(stage["token_weights"][i] for i in ids)
                meaning = total / len(ids) ** stage["power"]
                logit = stage["stage1"] * logit + meaning + stage["bias"]
        stage2 = model["rescoring"]
        low, high = stage2["band"]
        if low <= 1 / (1 + math.exp(-logit)) <= high:
            meaning = sum(
                w * v for w, v in zip(stage2["weights"], classifier.encode([text])[0], strict=True)
            )
            logit = stage2["stage1"] * logit + meaning + stage2["bias"]
        score, features = scorer.score(text)
        if features[1].name.startswith("boilerplate: "):
            continue  # scored on the rules alone, as the next test shows
        assert score == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-6)


def test_the_word_stage_weights_come_from_the_pinned_encoder() -> None:
    """Each stored token weight is the stage's weights applied to that token's own vector from
    the installed model (so the file is what training derived, and the model is the pinned
    one), and splitting a sentence per word gives the tokenizer's own pieces."""
    from claims.semantic.encoder import load_encoder

    encoder = load_encoder()
    assert encoder is not None
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        stage = json.load(f)["word_stage"]
    assert len(stage["token_weights"]) == encoder.vocabulary_size
    ids = [0, 101, 1996, 2095, 4862, 7632, 13_000, 21_510, 29_999]
    vectors = encoder.token_vectors(ids)
    expected = vectors @ np.asarray(stage["weights"])
    assert [stage["token_weights"][i] for i in ids] == pytest.approx(expected, abs=2e-5)
    assert np.array_equal(vectors[1:4], encoder.token_vectors(ids[1:4]))  # batch-independent
    for line in ARTICLE.read_text().split("\n"):
        per_word = [i for piece in encoder.word_pieces(line.split()) for i in piece]
        assert per_word == encoder.word_pieces([line])[0]


def test_a_line_the_pipeline_drops_is_scored_on_the_rules_alone(scorer: LearnedScorer) -> None:
    for line, reason in (
        (JUNK, "navigation icon labels"),
        (DATELINE, "dateline"),
        (SHARE_PROMPT, "share prompt"),
    ):
        score, features = scorer.score(line)
        assert [f.name for f in features[:2]] == ["baseline", f"boilerplate: {reason}"]
        assert all(f.name in FEATURE_NAMES for f in features[2:])
        assert score < 0.01
    # A real sentence without function words is not page furniture.
    _, features = scorer.score("We can do better than this.")
    assert not any(f.name.startswith("boilerplate: ") for f in features)


# --- the example article ---------------------------------------------------------------------


def test_boilerplate_lines_score_lowest(scorer: LearnedScorer, extraction: Extraction) -> None:
    junk = [scorer.score(line)[0] for line in (JUNK, DATELINE, SHARE_PROMPT)]
    kept = [s.checkworthiness for s in extraction.sentences]
    assert max(junk) < min(kept)
    assert max(junk) < DEFAULT_MIN_SCORE


def test_every_fact_scores_above_every_opinion_question_and_prediction(
    extraction: Extraction,
) -> None:
    facts = {start: _one(extraction, start) for start in FACTS}
    others = {fragment: _one(extraction, fragment) for fragment in NON_FACTS}
    weakest_fact = min(facts, key=facts.__getitem__)
    strongest_other = max(others, key=others.__getitem__)
    assert facts[weakest_fact] > others[strongest_other], (weakest_fact, strongest_other)
    assert facts[weakest_fact] >= DEFAULT_MIN_SCORE > others[strongest_other]


def test_key_claims_are_extracted_and_no_boilerplate(extraction: Extraction) -> None:
    claims = [c.text for c in extraction.claims()]
    assert any(c.startswith("Allied forces even provided ships and hardware") for c in claims)
    assert any(c.startswith("US tells 20,000 Russian islanders") for c in claims)
    for claim in claims:
        for junk in ("icon bookmark", "15 Feb, 2021", "Share this story", "Also on rt.com"):
            assert junk not in claim


def test_claims_default_to_the_threshold_of_the_scorer_used(extraction: Extraction) -> None:
    assert extraction.threshold == DEFAULT_MIN_SCORE
    by_rules = extract(read_path(ARTICLE), scorer=RuleScorer())
    assert by_rules.threshold == RULE_MIN_SCORE
    assert by_rules.claims() == by_rules.claims(RULE_MIN_SCORE)


def test_the_sentence_stage_reads_the_fine_tuned_classifier(scorer: LearnedScorer) -> None:
    """The shipped sentence stage stacks the fine-tuned classifier's logit (its one weight)
    on the scores so far; the classifier comes from the model file's id, not the base encoder."""
    from claims.semantic.encoder import CLASSIFIER_ID, load_encoder

    stage = scorer.rescorer
    assert stage is not None
    assert stage.encoder_id == CLASSIFIER_ID
    assert stage.weights.shape == (1,) and stage.weights[0] > 0
    text = "Landings of Atlantic cod fell 45 per cent between 2015 and 2022."
    [meaning] = stage.meanings([text])
    classifier = load_encoder(CLASSIFIER_ID)
    assert classifier is not None
    assert meaning == pytest.approx(
        float(stage.weights[0]) * float(classifier.encode([text])[0, 0])
    )


def test_thorough_scoring_reads_every_sentence_with_the_classifier(
    scorer: LearnedScorer,
) -> None:
    texts = [line for line in LINES if line.strip()]
    banded = scorer.score_many(texts)
    thorough = scorer.score_many(texts, thorough=True)
    for _, features in thorough:  # every line but those dropped as boilerplate
        names = {f.name for f in features}
        assert (MEANING in names) != any(n.startswith("boilerplate: ") for n in names), names
    outside = [
        i for i, (_, features) in enumerate(banded) if MEANING not in {f.name for f in features}
    ]
    assert outside, "some of these lines fall outside the sentence stage's band"
    assert any(thorough[i][0] != banded[i][0] for i in outside)
    for score, features in thorough:
        assert score == pytest.approx(1 / (1 + math.exp(-sum(f.contribution for f in features))))
    assert 0.0 < scorer.thorough_threshold < 1.0
