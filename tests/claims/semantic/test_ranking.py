"""Ranking by meaning and wording: candidates, then score_candidates() (in memory)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from claims.matching import trigram_similarity
from claims.semantic import ranking
from claims.semantic.encoder import CROSS_ID, load_encoder, load_matching_encoder
from claims.semantic.ranking import (
    CANDIDATES_PER_SIGNAL,
    MATCH_THRESHOLD,
    LexicalIndex,
    Ranker,
    candidates,
    cross_stage,
    prepare_text,
    rank_candidates,
    score_candidates,
)

CLAIMS = [
    "Joe Biden owns the largest mansion in Delaware.",
    "The Eiffel Tower was sold for scrap metal in 1925.",
    "Drinking bleach cures the coronavirus.",
    "",
    "Ça coûte 20 000 € — l'État paie!",
]


@pytest.fixture(scope="module")
def encoder():
    loaded = load_matching_encoder()
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("query", ["Biden's mansion in Delaware", "bleach cures", "", "État"])
def test_lexical_index_agrees_with_the_desks_trigram_similarity(query: str) -> None:
    # claims.semantic restates pg_trgm's similarity (it may not import Django): same numbers.
    expected = [trigram_similarity(query, claim) for claim in CLAIMS]
    np.testing.assert_allclose(LexicalIndex(CLAIMS).scores(query), expected, atol=1e-6)


def test_meaning_finds_a_rewording_that_shares_few_words(encoder) -> None:
    query = "Household cleaning products can kill COVID if you swallow them"
    semantic = Ranker(CLAIMS, encoder).rank([query], top=1)[0][0]
    assert CLAIMS[semantic.index] == "Drinking bleach cures the coronavirus."


def test_score_candidates_ranks_a_paraphrase_above_unrelated_claims(encoder) -> None:
    query = "Biden has the biggest house of anyone in his home state of Delaware"
    texts = [
        "The Eiffel Tower was sold for scrap metal in 1925.",
        "Former Vice President Joe Biden owns the largest mansion in his state.",
        "A shark was photographed swimming on a flooded highway after Hurricane Harvey.",
    ]
    scores = score_candidates(query, encoder.encode([query])[0], texts, encoder.encode(texts))
    assert scores.shape == (3,)
    assert int(np.argmax(scores)) == 1
    assert scores[1] >= MATCH_THRESHOLD > max(scores[0], scores[2])
    assert np.all((scores >= 0) & (scores <= 1))


def test_an_exact_copy_scores_above_every_rewording_of_it(encoder) -> None:
    # An editor who pastes a checked claim word for word must see it as the surest match,
    # never below a paraphrase (a freely fitted reranker gave an exact copy 0.27 and a
    # typical CLEF paraphrase 0.84: correlated signals had taken weights of opposite signs).
    claim = "Allied forces provided ships to transport Soviet troops to the Kuril Islands in 1945."
    texts = [
        claim,
        "In 1945 the Allies gave the Soviets ships to move troops to the Kurils.",
        "Allied forces provided ships to transport Soviet troops to the Kuril Islands.",
        "Ships for the Soviet landing on the Kuril Islands came from the Allied forces in 1945.",
    ]
    scores = score_candidates(claim, encoder.encode([claim])[0], texts, encoder.encode(texts))
    assert scores[0] >= 0.99
    assert scores[0] == scores.max()
    assert np.all(scores[1:] >= MATCH_THRESHOLD)


def test_the_rerankers_weights_keep_the_signs_they_are_fitted_with() -> None:
    # More alike on a signal (cosine, trigrams, IDF overlap, BM25, shared numbers) never
    # lowers the match probability; more apart (numbers that disagree, lengths) never raises
    # it. bench/train_matching.py fits with these bounds; a hand-edited or stale reranker.json
    # fails here.
    from claims.semantic.features import FEATURE_NAMES, FEATURE_SIGNS, artifacts

    coef = artifacts().coef
    assert len(FEATURE_SIGNS) == len(FEATURE_NAMES) == len(coef)
    for name, sign, weight in zip(FEATURE_NAMES, FEATURE_SIGNS, coef, strict=True):
        assert weight * sign >= 0, (name, sign, weight)
    assert any(weight > 0 for weight in coef)


def test_a_candidates_score_does_not_depend_on_the_other_candidates(encoder) -> None:
    # The service rescores whatever candidates it gathered: one pair, one score.
    query = "Bleach cures COVID"
    texts = [claim for claim in CLAIMS if claim]
    vectors = encoder.encode(texts)
    together = score_candidates(query, encoder.encode([query])[0], texts, vectors)
    alone = [
        score_candidates(query, encoder.encode([query])[0], [t], vectors[i : i + 1])[0]
        for i, t in enumerate(texts)
    ]
    np.testing.assert_allclose(together, alone, rtol=1e-6)


@pytest.mark.parametrize(
    ("text", "prepared"),
    [
        ("OMG @realDonaldTrump did it", "OMG real Donald Trump did it"),
        ("#SaveLemonadeStands now", "Save Lemonade Stands now"),
        ("The #NRAFoundation and #IWD2018", "The NRA Foundation and IWD 2018"),
        ("outdated @NHC_Atlantic graphic", "outdated NHC Atlantic graphic"),
        # All lowercase: nothing says where a word ends, so it stays whole.
        ("paid for by @tedcruz #maga", "paid for by tedcruz maga"),
        # A hashtag glued to a picture link: the link goes, the words stay.
        ("strong #WakandaForeverpic.twitter.com/wiRSCIdfG", "strong Wakanda Forever"),
        ("— Ilhan Omar (@IlhanMN) January 5, 2020", "— Ilhan Omar (Ilhan MN) January 5, 2020"),
        # An e-mail address is no handle.
        ("Email desk@example.org or @FactDesk.", "Email desk@example.org or Fact Desk."),
        ("20,000 islanders  https://t.co/abc", "20,000 islanders"),
    ],
)
def test_prepare_text_reads_tags_as_words_and_drops_links(text: str, prepared: str) -> None:
    assert prepare_text(text) == prepared


def test_score_candidates_reads_texts_as_stored(encoder) -> None:
    # Links are removed inside, so the service may pass raw texts.
    query = "Drinking bleach cures the coronavirus https://t.co/abc pic.twitter.com/xyz"
    texts = ["Drinking bleach cures the coronavirus."]
    vector = encoder.encode([prepare_text(query)])[0]
    raw = score_candidates(query, vector, texts, encoder.encode(texts))
    clean = score_candidates(prepare_text(query), vector, texts, encoder.encode(texts))
    np.testing.assert_allclose(raw, clean)
    assert len(score_candidates(query, vector, [], np.zeros((0, 384), np.float32))) == 0


def test_the_ranker_rescores_only_candidates_from_both_signals(encoder) -> None:
    cosine = np.array([0.9, 0.1, 0.8, 0.0, 0.2])
    lexical = np.array([0.0, 0.7, 0.0, 0.1, 0.0])
    assert candidates(cosine, lexical, 1).tolist() == [0, 1]
    assert candidates(None, lexical, 2).tolist() == [1, 3]
    assert candidates(cosine, lexical, 10).tolist() == [0, 1, 2, 3, 4]
    # In the Ranker, a claim outside both top lists never comes back.
    ranker = Ranker(CLAIMS, encoder, per_signal=1)
    hits = ranker.rank(["Biden mansion Delaware"], top=5)[0]
    assert 1 <= len(hits) <= 2
    assert hits[0].index == 0
    assert 50 <= CANDIDATES_PER_SIGNAL <= 200


def test_the_ranker_orders_by_the_orderer_and_keeps_each_match_probability(encoder) -> None:
    query = "Biden owns the biggest mansion in Delaware"
    hits = Ranker(CLAIMS, encoder).rank([query], top=5)[0]
    assert hits[0].index == 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    texts = [CLAIMS[h.index] for h in hits]
    vector = encoder.encode([query])[0]
    # The probability is the pair's own, whatever the company; the order is the orderer's.
    alone = score_candidates(query, vector, texts, encoder.encode(texts))
    np.testing.assert_allclose([h.probability for h in hits], alone, rtol=1e-5)
    scored = rank_candidates(query, vector, texts, encoder.encode(texts))
    np.testing.assert_allclose(scored.probability, alone, rtol=1e-6)
    np.testing.assert_allclose([h.score for h in hits], scored.order, rtol=1e-5)
    assert np.all((scored.order >= 0) & (scored.order <= 3))
    empty = rank_candidates(query, vector, [], np.zeros((0, 384), np.float32))
    assert len(empty.probability) == len(empty.order) == 0


def test_without_an_encoder_the_ranking_is_lexical_and_stable_on_ties() -> None:
    ranker = Ranker(CLAIMS, None)
    hits = ranker.rank(["xyzzy qqq"], top=3)[0]
    assert [h.index for h in hits] == [0, 1, 2]  # all score 0: the file's order
    assert [h.score for h in hits] == [h.probability for h in hits] == [0.0, 0.0, 0.0]


def test_the_threshold_is_a_probability() -> None:
    assert 0.0 < MATCH_THRESHOLD < 1.0


CLAIM_FAMILY = [
    "Joe Biden owns the largest mansion in Delaware.",
    "Joe Biden's house in Delaware was bought with campaign money.",
    "Biden said Delaware has the largest number of corporations of any state.",
    "The Eiffel Tower was sold for scrap metal in 1925.",
    "Kamala Harris owns a mansion in California.",
    "Delaware's governor owns the largest mansion in the state.",
    "Drinking bleach cures the coronavirus.",
]


def test_the_first_candidates_are_reordered_by_the_cross_encoder(encoder) -> None:
    """The orderer's first candidates within the stage's gap (at most `depth`) go above the
    rest, re-ordered by the stage's regression over the orderer's logit and the
    cross-encoder's: the arithmetic, checked."""
    stage = cross_stage()
    assert 1 <= stage.depth <= 20 and stage.coef.shape == (2,) and stage.gap > 0
    scorer = load_encoder(CROSS_ID)
    assert scorer is not None
    query = "Biden has the biggest house of anyone in his home state of Delaware"
    vector, vectors = encoder.encode([query])[0], encoder.encode(CLAIM_FAMILY)
    plain = rank_candidates(query, vector, CLAIM_FAMILY, vectors, reorder=False)
    scored = rank_candidates(query, vector, CLAIM_FAMILY, vectors)
    np.testing.assert_allclose(scored.probability, plain.probability)
    top = np.argsort(-plain.order, kind="stable")[: stage.depth]
    logit = np.log(plain.order[top] / (1 - plain.order[top]))
    top = top[logit >= logit[0] - stage.gap]
    assert len(top) >= 2  # the family's claims are close: the stage has something to order
    rest = np.setdiff1d(np.arange(len(CLAIM_FAMILY)), top)
    np.testing.assert_allclose(scored.order[rest], plain.order[rest])
    assert scored.order[top].min() > 2.0 > 1.0 >= plain.order.max()
    p = plain.order[top]
    z = (
        stage.coef[0] * np.log(p / (1 - p))
        + stage.coef[1] * scorer.score(query, [CLAIM_FAMILY[i] for i in top])
        + stage.intercept
    )
    np.testing.assert_allclose(scored.order[top], 2 + 1 / (1 + np.exp(-z)), rtol=1e-5)


def test_the_cross_encoder_reads_only_candidates_within_the_gap(encoder, monkeypatch) -> None:
    """A candidate the orderer puts more than `gap` (in logit) below the first is not read:
    gap 0 reads nothing unless tied (the orderer's order stands), a huge gap all of `depth`."""
    query = "Biden has the biggest house of anyone in his home state of Delaware"
    vector, vectors = encoder.encode([query])[0], encoder.encode(CLAIM_FAMILY)
    plain = rank_candidates(query, vector, CLAIM_FAMILY, vectors, reorder=False)
    scorer = load_encoder(CROSS_ID)
    read: list[int] = []
    score = scorer.score
    monkeypatch.setattr(
        scorer, "score", lambda q, texts, **kw: read.append(len(texts)) or score(q, texts, **kw)
    )
    shipped = cross_stage()
    for gap, expected in ((0.0, 0), (1e9, min(shipped.depth, len(CLAIM_FAMILY)))):
        read.clear()
        monkeypatch.setattr(ranking, "cross_stage", lambda gap=gap: replace(shipped, gap=gap))
        scored = rank_candidates(query, vector, CLAIM_FAMILY, vectors)
        assert sum(read) == expected
        if not expected:
            np.testing.assert_array_equal(scored.order, plain.order)


def test_reading_only_the_shown_matches_keeps_their_order(encoder) -> None:
    # The service shows only candidates at or above the threshold: the cross-encoder reads
    # only those among the first `depth`, and they come out in the same order.
    query = "Biden owns the biggest mansion in Delaware"
    vector, vectors = encoder.encode([query])[0], encoder.encode(CLAIM_FAMILY)
    full = rank_candidates(query, vector, CLAIM_FAMILY, vectors)
    for threshold in (0.0, 0.01, MATCH_THRESHOLD, 0.5, 1.1):
        fast = rank_candidates(query, vector, CLAIM_FAMILY, vectors, shown_from=threshold)
        shown = np.flatnonzero(full.probability >= threshold)
        assert shown[np.argsort(-fast.order[shown], kind="stable")].tolist() == (
            shown[np.argsort(-full.order[shown], kind="stable")].tolist()
        )


def test_without_the_cross_encoder_the_orderers_order_stands(encoder, monkeypatch, caplog) -> None:
    query = "Biden owns the biggest mansion in Delaware"
    vector, vectors = encoder.encode([query])[0], encoder.encode(CLAIM_FAMILY)
    plain = rank_candidates(query, vector, CLAIM_FAMILY, vectors, reorder=False)
    monkeypatch.setattr(ranking, "load_encoder", lambda model_id: None)
    scored = rank_candidates(query, vector, CLAIM_FAMILY, vectors)
    np.testing.assert_array_equal(scored.order, plain.order)


def test_a_missing_stage_file_keeps_the_orderers_order(encoder, monkeypatch, tmp_path) -> None:
    query = "Biden owns the biggest mansion in Delaware"
    vector, vectors = encoder.encode([query])[0], encoder.encode(CLAIM_FAMILY)
    plain = rank_candidates(query, vector, CLAIM_FAMILY, vectors, reorder=False)
    monkeypatch.setattr(ranking, "DATA_DIR", tmp_path)
    cross_stage.cache_clear()
    try:
        scored = rank_candidates(query, vector, CLAIM_FAMILY, vectors)
    finally:
        cross_stage.cache_clear()
    np.testing.assert_array_equal(scored.order, plain.order)
