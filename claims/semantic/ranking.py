"""Ranking by meaning and wording: cosine similarity of sentence vectors, combined linearly
with the lexical trigram similarity the desk's matching already uses (claims.semantic.lexical).

    score = SEMANTIC_WEIGHT * cosine + (1 - SEMANTIC_WEIGHT) * trigram

In memory and pure Python + numpy (no Django): `manage.py match_file`, the evaluation script
and, later, the service share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from claims.semantic.encoder import Encoder
from claims.semantic.lexical import trigrams

# Chosen on the CLEF CheckThat! 2020 task 2 TRAIN split only (800 tweets against 10,375
# verified claims) by bench/eval_matching.py: a grid over 0.00..1.00 in steps of 0.05,
# maximising MAP@5 (ties broken towards the larger weight). Dev was used only to report.
# Re-run `bench/eval_matching.py` after changing the encoder, the lexical signal or the text
# preparation; it prints the weight train chooses and warns when it differs from this one.
SEMANTIC_WEIGHT = 0.40

_WORD = re.compile(r"[^\W_]+")
_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)


def prepare_text(text: str) -> str:
    """What both signals read: the text without links (a shortened link means nothing to the
    encoder and only adds noise trigrams), whitespace collapsed. Chosen on train: it raised
    train MAP@5 from 0.8416 to 0.8453 at the same weight (bench/eval_matching.py)."""
    return " ".join(_LINK.sub(" ", text).split())


class LexicalIndex:
    """Trigram (Jaccard) similarity of one text against every claim, through an inverted
    index: exact, and fast enough to score 10,000 claims per query in a few milliseconds."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._counts = np.zeros(len(texts), dtype=np.float32)
        postings: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            grams = trigrams(text)
            self._counts[i] = len(grams)
            for gram in grams:
                postings.setdefault(gram, []).append(i)
        self._postings = {g: np.asarray(rows, dtype=np.int32) for g, rows in postings.items()}

    def scores(self, text: str) -> np.ndarray:
        grams = trigrams(text)
        hits = [self._postings[g] for g in grams if g in self._postings]
        if not grams or not hits:
            return np.zeros(self.size, dtype=np.float32)
        shared = np.bincount(np.concatenate(hits), minlength=self.size).astype(np.float32)
        union = self._counts + len(grams) - shared
        return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


@dataclass(frozen=True)
class Hit:
    index: int  # position in the claims given to the Ranker
    score: float


class Ranker:
    """Ranks a collection of claims for query texts, by meaning and wording combined.

    With encoder=None (not installed, or asked for) it ranks by wording alone.
    """

    def __init__(
        self,
        claims: Sequence[str],
        encoder: Encoder | None,
        *,
        semantic_weight: float = SEMANTIC_WEIGHT,
    ) -> None:
        self.encoder = encoder
        self.semantic_weight = semantic_weight if encoder is not None else 0.0
        prepared = [prepare_text(text) for text in claims]
        self.lexical = LexicalIndex(prepared)
        self.vectors = encoder.encode(prepared) if encoder is not None else None

    def score_matrix(self, queries: Sequence[str]) -> np.ndarray:
        """Scores (queries x claims)."""
        queries = [prepare_text(text) for text in queries]
        out = np.stack([self.lexical.scores(q) for q in queries]) if queries else None
        if out is None:
            return np.zeros((0, self.lexical.size), dtype=np.float32)
        if self.vectors is not None and self.encoder is not None:
            cosine = self.encoder.encode(queries) @ self.vectors.T
            w = self.semantic_weight
            out = w * cosine + (1.0 - w) * out
        return out.astype(np.float32)

    def rank(self, queries: Sequence[str], *, top: int) -> list[list[Hit]]:
        """The best `top` claims for each query, best first (ties: earlier claim first)."""
        scores = self.score_matrix(queries)
        ranked: list[list[Hit]] = []
        for row in scores:
            # A stable sort on the negated score keeps the claims' order among equal scores.
            best = np.argsort(-row, kind="stable")[:top]
            ranked.append([Hit(int(i), float(row[i])) for i in best])
        return ranked
