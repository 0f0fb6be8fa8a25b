"""Vector search for claim matching by meaning: exact search for small collections, an
approximate (HNSW) index for large ones, and the vectors' storage format in the database.

Pure Python + numpy + usearch, no Django: the service builds these from rows it has read, a
worker builds the approximate index file, and web processes open it memory-mapped.

    index = exact_index(ids, vectors, model_id)            # below ANN_MIN_SIZE claims
    ann.build_ann(ids, vectors, path, model_id)              # in a worker; atomic
    index = ann.open_ann(path, model_id)                     # in each web process
    [(ids, scores)] = index.search(query_vectors, k)         # best first, ties: smaller id

This module holds the vectors' storage format, what both indexes share and exact search;
claims.semantic.ann the approximate index and its file.

Vectors are the encoder's L2-normalised float32 rows (claims.semantic.encoder); scores are
cosines. Both indexes keep int8 codes, not floats, and return the cosine those codes give,
within about 0.01 of the float cosine (bench/bench_vectors.py measures it;
tests/claims/semantic/test_index.py holds it). Ids are the claims' int64 primary keys, in any
order and with gaps.

Choices, measured on real encodings of claims by bench/bench_vectors.py (figures in
bench/RESULTS.md, "Vector search at 1,000,000 claims"):

- exact search quantises each dimension with its own symmetric scale (recall@10 0.993 against
  float32, max cosine error 0.002; one global scale: 0.992 and 0.003), folded into the query,
  so a look-up costs one float32 matrix product per block of rows: 86 ms at 1,000,000 claims,
  faster than float32's 112 ms, in a quarter of the memory;
- ANN_MIN_SIZE: see its comment.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from claims.semantic.encoder import DIMENSION

logger = logging.getLogger(__name__)

# Below this many claims the service searches exactly (ExactIndex, rebuilt from the database
# whenever it likes); from here on it opens the file the worker builds. Chosen by
# bench/bench_vectors.py (bench/RESULTS.md, "ANN_MIN_SIZE"): the ANN answers faster from
# ~5,000 claims on, but with a lower recall@10 (0.98-0.99 against exact int8's 0.99-1.00), so
# the switch waits until exact search stops being cheap: at 50,000 claims it takes 4.6 ms at
# p95 (a tenth of the 50 ms look-up budget) and grows linearly (87 ms at 1,000,000), while the
# ANN stays under 1.2 ms. Below it there is no file to build and no new claim to wait for.
ANN_MIN_SIZE = 50_000

# Vectors in the database: float16, little-endian, DIMENSION values (768 bytes). Cosines
# computed from them differ from the float32 ones by less than 1e-3 (the test measures it).
BLOB_DTYPE = np.dtype("<f2")
BLOB_BYTES = DIMENSION * BLOB_DTYPE.itemsize

# Exact search turns EXACT_BLOCK_ROWS int8 rows at a time into float32 (1.5 MB: stays in the
# CPU cache, and OpenBLAS keeps a product this small on one thread) and keeps the contenders of
# every EXACT_CHUNK_ROWS rows. Timed on the 2-core machine at 100,000 claims, one query: 8 ms
# with blocks of 1,024 rows; 8 to 200 ms with 4,096 and more, as OpenBLAS's second thread
# fought another process for the cores (float32 matmul over the same claims: 11 to 16 ms).
EXACT_BLOCK_ROWS = 1 << 10
EXACT_CHUNK_ROWS = 1 << 16

# Far above float32 rounding in a 384-term dot product (~1e-7), far below a meaningful gap.
_TIE_MARGIN = 1e-5


class VectorIndex(Protocol):
    """What the service calls, whichever index it holds."""

    @property
    def size(self) -> int: ...

    @property
    def model_id(self) -> str: ...

    def search(self, queries: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]: ...


# --- Storage in the database -----------------------------------------------------------------


def to_blob(vector: np.ndarray) -> bytes:
    """One vector as the database stores it: DIMENSION float16 values, little-endian."""
    vector = np.asarray(vector, dtype=np.float32)
    if vector.shape != (DIMENSION,):
        raise ValueError(
            f"Expected one vector of {DIMENSION} values, got shape {vector.shape}: pass one row "
            "of Encoder.encode()'s output."
        )
    return vector.astype(BLOB_DTYPE).tobytes()


def from_blobs(blobs: Sequence[bytes]) -> np.ndarray:
    """Blobs written by to_blob() -> float32 (n, DIMENSION), each row re-normalised (float16
    rounding moves the norm by up to ~1e-3; search assumes unit rows)."""
    if not blobs:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    bad = next((i for i, blob in enumerate(blobs) if len(blob) != BLOB_BYTES), None)
    if bad is not None:
        raise ValueError(
            f"Vector blob {bad} has {len(blobs[bad])} bytes, not {BLOB_BYTES}: it was not written "
            "by to_blob() for this model; re-encode the claim."
        )
    raw = np.frombuffer(b"".join(blobs), dtype=BLOB_DTYPE).reshape(len(blobs), DIMENSION)
    return normalise(raw.astype(np.float32))


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


# --- Checks shared by both indexes -----------------------------------------------------------


def check_ids_vectors(ids: Iterable[int] | np.ndarray, vectors: np.ndarray):
    ids = np.asarray(ids, dtype=np.int64).reshape(-1)
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.size == 0:
        vectors = vectors.reshape(0, DIMENSION)
    if vectors.ndim != 2 or vectors.shape[1] != DIMENSION:
        raise ValueError(
            f"Expected vectors of shape (n, {DIMENSION}), got {vectors.shape}: pass the "
            "encoder's rows."
        )
    if len(ids) != len(vectors):
        raise ValueError(f"{len(ids)} ids for {len(vectors)} vectors: pass one id per row.")
    if len(np.unique(ids)) != len(ids):
        raise ValueError("The ids repeat: pass each claim once.")
    if len(ids) and ids.min() < 0:
        raise ValueError("Ids must be >= 0 (database primary keys).")
    return ids, vectors


def check_queries(queries: np.ndarray) -> np.ndarray:
    queries = np.asarray(queries, dtype=np.float32)
    if queries.ndim == 1:
        queries = queries[None, :]
    if queries.ndim != 2 or queries.shape[1] != DIMENSION:
        raise ValueError(
            f"Expected queries of shape (m, {DIMENSION}), got {queries.shape}: encode the "
            "query texts with the same encoder as the claims."
        )
    return queries


def no_results() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)


def best_k(ids: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best (id, score) pairs, best first, equal scores by smaller id."""
    if len(ids) > k:
        # Everything scoring at least the k-th best score, so ties at the cut are all seen.
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = scores >= kth
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:k]
    return ids[order].astype(np.int64, copy=False), scores[order].astype(np.float32, copy=False)


def _contenders(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions whose score may be among the best k once recomputed exactly: the best k and
    everything within _TIE_MARGIN of the k-th."""
    if len(scores) <= k:
        return np.arange(len(scores))
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]
    return np.flatnonzero(scores >= kth - _TIE_MARGIN)


def merge(
    first: list[tuple[np.ndarray, np.ndarray]],
    second: list[tuple[np.ndarray, np.ndarray]],
    k: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Two indexes' results for the same queries as one: the best k of both per query, best
    first, ties by smaller id, an id found by both counted once (its better score kept). For
    the ANN file plus an ExactIndex of the claims added since it was built (meta["max_id"])."""
    out = []
    for (ids_a, scores_a), (ids_b, scores_b) in zip(first, second, strict=True):
        ids = np.concatenate([ids_a, ids_b]).astype(np.int64, copy=False)
        scores = np.concatenate([scores_a, scores_b]).astype(np.float32, copy=False)
        order = np.lexsort((-scores, ids))  # by id, best score first within an id
        ids, scores = ids[order], scores[order]
        first_of_id = np.ones(len(ids), dtype=bool)
        first_of_id[1:] = ids[1:] != ids[:-1]
        out.append(best_k(ids[first_of_id], scores[first_of_id], k) if k > 0 else no_results())
    return out


# --- Exact search ----------------------------------------------------------------------------


def quantise(vectors: np.ndarray, scale: np.ndarray | None = None):
    """Symmetric int8 codes: vectors ~= codes * scale. With no scale given, one per dimension
    (the largest magnitude in that column / 127). Returns (codes int8, scale float32)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if scale is None:
        peak = np.abs(vectors).max(axis=0) if len(vectors) else np.ones(vectors.shape[1])
        scale = np.maximum(peak, 1e-6).astype(np.float32) / 127
    codes = np.clip(np.rint(vectors / scale), -127, 127).astype(np.int8)
    return codes, np.asarray(scale, dtype=np.float32)


class ExactIndex:
    """Every claim scored for every query, over int8 codes (a quarter of float32's memory).

    The per-dimension scale is folded into the queries, so a look-up is one float32 matrix
    product per block of EXACT_BLOCK_ROWS rows; the few contenders for the top k are then
    scored again row by row, so that equal codes tie exactly. Build it with exact_index().
    Not for concurrent remove() and search() from several threads: build a new one instead.
    """

    def __init__(self, ids: np.ndarray, vectors: np.ndarray, model_id: str) -> None:
        ids, vectors = check_ids_vectors(ids, vectors)
        self.model_id = model_id
        self._ids = ids
        self._codes, self._scale = quantise(vectors)

    @property
    def size(self) -> int:
        return len(self._ids)

    def __len__(self) -> int:
        return self.size

    def search(self, queries: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        queries = check_queries(queries)
        if k <= 0 or not self.size:
            return [no_results() for _ in queries]
        k = min(k, self.size)
        scaled = queries * self._scale
        scaled_t = np.ascontiguousarray(scaled.T)  # (DIMENSION, m)
        block = np.empty((EXACT_BLOCK_ROWS, DIMENSION), dtype=np.float32)
        # Per query, the rows of each chunk that may be among its best k.
        candidates: list[list[np.ndarray]] = [[] for _ in queries]
        for start in range(0, self.size, EXACT_CHUNK_ROWS):
            codes = self._codes[start : start + EXACT_CHUNK_ROWS]
            scores = np.empty((len(codes), len(queries)), dtype=np.float32)
            for row in range(0, len(codes), EXACT_BLOCK_ROWS):
                part = codes[row : row + EXACT_BLOCK_ROWS]
                floats = block[: len(part)]
                np.copyto(floats, part, casting="unsafe")
                np.matmul(floats, scaled_t, out=scores[row : row + len(part)])
            for column, rows in zip(scores.T, candidates, strict=True):
                rows.append(start + _contenders(column, k))
        out = []
        for query, parts in zip(scaled.astype(np.float64), candidates, strict=True):
            rows = np.concatenate(parts)
            # BLAS may add up two identical rows in different orders (a last ulp apart), so
            # the contenders are scored again, every row the same way: equal codes give equal
            # scores, and ties then go to the smaller id.
            exact = (self._codes[rows].astype(np.float64) * query).sum(axis=1)
            out.append(best_k(self._ids[rows], exact.astype(np.float32), k))
        return out

    def remove(self, ids: Iterable[int]) -> int:
        """Forget these claims (ids not held are ignored); how many were removed."""
        gone = np.isin(self._ids, np.asarray(list(ids), dtype=np.int64))
        if gone.any():
            self._ids = self._ids[~gone]
            self._codes = self._codes[~gone]
        return int(gone.sum())


def exact_index(ids: np.ndarray | Sequence[int], vectors: np.ndarray, model_id: str) -> ExactIndex:
    return ExactIndex(np.asarray(ids), vectors, model_id)
