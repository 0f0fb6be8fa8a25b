"""Claims' sentence vectors in the database, and the vector search matching runs over them.

Vectors are made by the claim-matching encoder (claims.semantic.encoder.load_matching_encoder)
and stored in ClaimEmbedding with the model's id (MATCHING_MODEL_ID) and a digest of the
wording they encode, so a new model or a new wording is re-embedded (`embed()`; the `nlp`
queue's task and `manage.py embed_claims`).

Search (`nearest()`) has two shapes, by collection size:
- below claims.semantic.index.ANN_MIN_SIZE, exact search over every stored vector, held in
  each process's memory and reloaded when the table changes (one aggregate query tells);
- above it, the approximate index a worker builds into settings.CLAIMS_MATCH_INDEX_DIR
  (`build_ann_index()`, swapped in atomically, memory-mapped by web processes), plus an exact
  search over the rows stored since that build (the index's "tail"), so nothing embedded after
  the last build is missed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from claims.models import Claim, ClaimEmbedding
from claims.semantic import ann as ann_index
from claims.semantic import index as vector_index
from claims.semantic.encoder import MATCHING_MODEL_ID, Encoder

logger = logging.getLogger(__name__)

EMBED_BATCH = 256  # claims read, encoded and written per round
ANN_FILE = "claims.usearch"
ANN_META = "claims.json"  # the build's cut-off time, written after the index file


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claims_to_embed(*, everything: bool = False) -> Iterable[int]:
    """Ids of the claims without a vector from the current model (all claims: `everything`)."""
    claims = Claim.objects.all()
    if not everything:
        claims = claims.exclude(embedding__model_id=MATCHING_MODEL_ID)
    return claims.order_by("pk").values_list("pk", flat=True)


def embed(
    claim_ids: Iterable[int],
    encoder: Encoder,
    *,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Encode and store the given claims' wording; returns how many vectors were written.

    A claim whose stored vector already encodes its current wording with the current model is
    skipped unless `force`. Batches of EMBED_BATCH: a back-fill of a large table never holds
    more than one batch of texts and vectors. `progress(n)` is told each batch's size.
    `encoder` must be the matching encoder: other models' vectors are not comparable.
    """
    if encoder.model_id != MATCHING_MODEL_ID:
        raise ValueError(
            f"Cannot store {encoder.model_id} vectors: matching searches {MATCHING_MODEL_ID} "
            "vectors only. Pass claims.semantic.encoder.load_matching_encoder()."
        )
    written = 0
    ids = list(claim_ids)
    for start in range(0, len(ids), EMBED_BATCH):
        chunk = ids[start : start + EMBED_BATCH]
        rows = list(Claim.objects.filter(pk__in=chunk).values_list("pk", "text"))
        written += store_vectors(ClaimEmbedding, "claim", rows, encoder, force=force)
        if progress is not None:
            progress(len(chunk))
    return written


def store_vectors(
    model, key: str, rows: Sequence[tuple[int, str]], encoder: Encoder, *, force: bool = False
) -> int:
    """Encode `rows` ((id, text)) and upsert them into `model` (ClaimEmbedding, or any table of
    the same shape: `key` its one-to-one primary key, model_id, text_sha256, vector), skipping
    the rows whose stored vector already encodes that text with the matching model unless
    `force`. Returns how many were written."""
    rows = [(pk, text) for pk, text in rows if text.strip()]
    if not force and rows:
        current = set(
            model.objects.filter(
                **{f"{key}__in": [pk for pk, _ in rows]}, model_id=MATCHING_MODEL_ID
            ).values_list(f"{key}_id", "text_sha256")
        )
        rows = [(pk, text) for pk, text in rows if (pk, text_digest(text)) not in current]
    if not rows:
        return 0
    vectors = encoder.encode([text for _, text in rows])
    model.objects.bulk_create(
        [
            model(
                **{f"{key}_id": pk},
                model_id=MATCHING_MODEL_ID,
                text_sha256=text_digest(text),
                vector=vector_index.to_blob(vector),
            )
            for (pk, text), vector in zip(rows, vectors, strict=True)
        ],
        update_conflicts=True,
        unique_fields=[key],
        update_fields=["model_id", "text_sha256", "vector", "updated_at"],
    )
    return len(rows)


def texts_and_vectors(claims: QuerySet[Claim]) -> tuple[dict[int, str], dict[int, np.ndarray]]:
    """These claims' texts, and the current model's stored vectors of those that have one, in
    one query (the vector's table joined to the claims': a look-up's ~200 candidates in one
    round trip, not two)."""
    rows = list(claims.values_list("pk", "text", "embedding__model_id", "embedding__vector"))
    texts = {pk: text for pk, text, _, _ in rows}
    stored = [(pk, bytes(blob)) for pk, _, model_id, blob in rows if model_id == MATCHING_MODEL_ID]
    if not stored:
        return texts, {}
    matrix = vector_index.from_blobs([blob for _, blob in stored])
    return texts, {pk: matrix[i] for i, (pk, _) in enumerate(stored)}


def vectors_of(claim_ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The current model's stored vectors of these claims (claims without one are absent)."""
    return texts_and_vectors(Claim.objects.filter(pk__in=claim_ids))[1]


def _load(rows: Iterable[tuple[int, bytes]]) -> tuple[np.ndarray, np.ndarray]:
    ids: list[int] = []
    blobs: list[bytes] = []
    for pk, blob in rows:
        ids.append(pk)
        blobs.append(bytes(blob))
    vectors = (
        vector_index.from_blobs(blobs)
        if blobs
        else np.zeros((0, vector_index.DIMENSION), dtype=np.float32)
    )
    return np.asarray(ids, dtype=np.int64), vectors


def _current_rows():
    return ClaimEmbedding.objects.filter(model_id=MATCHING_MODEL_ID)


# ---------------------------------------------------------------------------------------------
# The approximate index: built by a worker, read by every process.


def _index_dir() -> Path:
    return Path(settings.CLAIMS_MATCH_INDEX_DIR)


def build_ann_index(*, minimum: int | None = None) -> int:
    """Build the approximate index from every stored vector, when there are at least
    `minimum` (claims.semantic.index.ANN_MIN_SIZE); returns the number indexed (0: none built).

    The cut-off time is taken before reading: rows stored after it are the readers' tail. The
    metadata file is replaced after the index file, so a reader that sees a new index with the
    old cut-off only searches a longer tail (never a shorter one).
    """
    minimum = vector_index.ANN_MIN_SIZE if minimum is None else minimum
    rows = _current_rows()
    if rows.count() < minimum:
        return 0
    cut_off = timezone.now()
    ids, vectors = _load(rows.order_by("claim_id").values_list("claim_id", "vector").iterator())
    directory = _index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    ann_index.build_ann(ids, vectors, directory / ANN_FILE, MATCHING_MODEL_ID)
    meta = {"model_id": MATCHING_MODEL_ID, "cut_off": cut_off.isoformat(), "count": len(ids)}
    temporary = directory / f".{ANN_META}.{os.getpid()}"
    temporary.write_text(json.dumps(meta), encoding="utf-8")
    os.replace(temporary, directory / ANN_META)
    logger.info("built the approximate vector index of %d claims", len(ids))
    return len(ids)


@dataclass
class _Exact:
    generation: tuple
    index: object


class _Searchers:
    """Per process: the exact index of a small collection, keyed by the table's generation."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.exact: _Exact | None = None

    def exact_index(self):
        state = _current_rows().aggregate(n=Count("claim"), last=Max("updated_at"))
        generation = (state["n"], state["last"])
        with self.lock:
            if self.exact is None or self.exact.generation != generation:
                ids, vectors = _load(_current_rows().values_list("claim_id", "vector").iterator())
                self.exact = _Exact(
                    generation, vector_index.exact_index(ids, vectors, MATCHING_MODEL_ID)
                )
            return self.exact.index


_searchers = _Searchers()


def _ann_cut_off() -> datetime | None:
    try:
        meta = json.loads((_index_dir() / ANN_META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("model_id") != MATCHING_MODEL_ID:
        return None
    try:
        return datetime.fromisoformat(meta["cut_off"])
    except (KeyError, TypeError, ValueError):
        return None


_ann_indexes: dict[str, object] = {}


def _open_ann():
    """The process's approximate index (opened once per path; it notices a rebuilt file and
    swaps to it by itself, claims.semantic.ann.AnnIndex)."""
    path = str(_index_dir() / ANN_FILE)
    with _searchers.lock:
        if _ann_indexes.get(path) is None:
            _ann_indexes[path] = ann_index.open_ann(path, MATCHING_MODEL_ID)
        return _ann_indexes[path]


def nearest(vector: np.ndarray, k: int) -> list[tuple[int, float]]:
    """(claim id, cosine) of the k stored claims nearest in meaning, best first."""
    query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
    cut_off = _ann_cut_off()
    ann = _open_ann() if cut_off else None
    if ann is None:
        ids, scores = _searchers.exact_index().search(query, k)[0]
        return [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]
    found: dict[int, float] = {}
    ids, scores = ann.search(query, k)[0]
    found.update((int(i), float(s)) for i, s in zip(ids, scores, strict=True))
    # The tail: rows stored (or re-embedded) since the build, searched exactly; their scores
    # replace the index's (a new wording's vector is the tail's).
    tail_ids, tail_vectors = _load(
        _current_rows().filter(updated_at__gte=cut_off).values_list("claim_id", "vector")
    )
    if len(tail_ids):
        cosine = tail_vectors @ query[0]
        found.update((int(i), float(s)) for i, s in zip(tail_ids, cosine, strict=True))
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:k]
