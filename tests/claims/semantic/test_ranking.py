"""Ranking by meaning and wording, in memory."""

from __future__ import annotations

import numpy as np
import pytest

from claims.matching import trigram_similarity
from claims.semantic.encoder import load_encoder
from claims.semantic.ranking import SEMANTIC_WEIGHT, LexicalIndex, Ranker

CLAIMS = [
    "Joe Biden owns the largest mansion in Delaware.",
    "The Eiffel Tower was sold for scrap metal in 1925.",
    "Drinking bleach cures the coronavirus.",
    "",
    "Ça coûte 20 000 € — l'État paie!",
]


@pytest.mark.parametrize("query", ["Biden's mansion in Delaware", "bleach cures", "", "État"])
def test_lexical_index_agrees_with_the_desks_trigram_similarity(query: str) -> None:
    # claims.semantic restates pg_trgm's similarity (it may not import Django): same numbers.
    expected = [trigram_similarity(query, claim) for claim in CLAIMS]
    np.testing.assert_allclose(LexicalIndex(CLAIMS).scores(query), expected, atol=1e-6)


def test_meaning_finds_a_rewording_that_shares_few_words() -> None:
    encoder = load_encoder()
    assert encoder is not None
    query = "Household cleaning products can kill COVID if you swallow them"
    semantic = Ranker(CLAIMS, encoder).rank([query], top=1)[0][0]
    assert CLAIMS[semantic.index] == "Drinking bleach cures the coronavirus."


def test_without_an_encoder_the_ranking_is_lexical_and_stable_on_ties() -> None:
    ranker = Ranker(CLAIMS, None)
    assert ranker.semantic_weight == 0.0
    hits = ranker.rank(["xyzzy qqq"], top=3)[0]
    assert [h.index for h in hits] == [0, 1, 2]  # all score 0: the file's order
    assert [h.score for h in hits] == [0.0, 0.0, 0.0]


def test_the_weight_is_a_proper_mixture() -> None:
    assert 0.0 < SEMANTIC_WEIGHT < 1.0
