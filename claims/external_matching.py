"""Other fact-checkers' verdicts as "checked before" targets: imported ClaimReview
(claims.interchange) embedded by the matching encoder and searched by meaning.

The reviews' claims are stored as vectors (ExternalReviewEmbedding, with the model's id and a
digest of the wording, as claims.embeddings stores claims'), searched exactly (int8, in each
process's memory, reloaded when the table changes: imported collections are thousands to a few
hundred thousand rows), and the nearest are rescored by the same trained ranking as claims
(claims.semantic.ranking.score_candidates) and labelled by the same guard. Without the encoder
nothing is embedded or matched: wording alone over another publisher's phrasing finds too
little to be worth showing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max

from claims.embeddings import store_vectors
from claims.external_models import ExternalReview, ExternalReviewEmbedding
from claims.semantic import guard
from claims.semantic import index as vector_index
from claims.semantic.encoder import MATCHING_MODEL_ID, Encoder
from claims.semantic.ranking import MATCH_THRESHOLD, SAME_CLAIM_THRESHOLD, score_candidates

EMBED_BATCH = 256
CANDIDATES = 100  # nearest reviews rescored per look-up


@dataclass(frozen=True)
class ExternalHit:
    review_id: int
    score: float  # 0 to 1, as claims.matching.Match.score
    kind: str  # "same" or "related"
    reason: str


def embed_reviews(review_ids: Iterable[int], encoder: Encoder) -> int:
    """Encode and store the reviews' claims (those not stored as worded now with this model);
    returns how many vectors were written."""
    written = 0
    ids = list(review_ids)
    for start in range(0, len(ids), EMBED_BATCH):
        chunk = ids[start : start + EMBED_BATCH]
        rows = list(ExternalReview.objects.filter(pk__in=chunk).values_list("pk", "claim_reviewed"))
        written += store_vectors(ExternalReviewEmbedding, "review", rows, encoder)
    return written


def reviews_to_embed() -> list[int]:
    """Reviews with a claim text and no vector of the current model."""
    return list(
        ExternalReview.objects.exclude(claim_reviewed="")
        .exclude(embedding__model_id=MATCHING_MODEL_ID)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


class _Searcher:
    """Per process: the exact index of the stored review vectors, keyed by the table's state."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation: tuple | None = None
        self.index = None

    def get(self):
        rows = ExternalReviewEmbedding.objects.filter(model_id=MATCHING_MODEL_ID)
        state = rows.aggregate(n=Count("review"), last=Max("updated_at"))
        generation = (state["n"], state["last"])
        with self.lock:
            if self.index is None or self.generation != generation:
                pairs = list(rows.values_list("review_id", "vector"))
                ids = np.asarray([pk for pk, _ in pairs], dtype=np.int64)
                vectors = vector_index.from_blobs([bytes(blob) for _, blob in pairs])
                self.index = vector_index.exact_index(ids, vectors, MATCHING_MODEL_ID)
                self.generation = generation
            return self.index


_searcher = _Searcher()


def match_reviews(
    text: str, vector: np.ndarray, *, limit: int, threshold: float | None = None
) -> list[ExternalHit]:
    """The imported reviews whose claim matches `text` (its matching-encoder `vector`), best
    first, at most `limit`, each labelled by the guard."""
    threshold = MATCH_THRESHOLD if threshold is None else threshold
    index = _searcher.get()
    query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
    ids, _ = index.search(query, CANDIDATES)[0]
    if not len(ids):
        return []
    order = [int(pk) for pk in ids]
    texts = dict(ExternalReview.objects.filter(pk__in=order).values_list("pk", "claim_reviewed"))
    order = [pk for pk in order if texts.get(pk)]
    stored = _vectors_of(order)
    order = [pk for pk in order if pk in stored]
    if not order:
        return []
    scores = score_candidates(
        text, vector, [texts[pk] for pk in order], np.stack([stored[pk] for pk in order])
    )
    ranked = sorted(
        ((float(s), pk) for s, pk in zip(scores, order, strict=True) if s >= threshold),
        key=lambda item: (-item[0], item[1]),
    )[:limit]
    hits = []
    for score, pk in ranked:
        label = guard.label(text, texts[pk], score=score, same_from=SAME_CLAIM_THRESHOLD)
        hits.append(ExternalHit(pk, round(score, 4), label.kind, label.reason))
    return hits


def _vectors_of(review_ids: Sequence[int]) -> dict[int, np.ndarray]:
    rows = list(
        ExternalReviewEmbedding.objects.filter(
            review__in=review_ids, model_id=MATCHING_MODEL_ID
        ).values_list("review_id", "vector")
    )
    if not rows:
        return {}
    matrix = vector_index.from_blobs([bytes(blob) for _, blob in rows])
    return {pk: matrix[i] for i, (pk, _) in enumerate(rows)}
