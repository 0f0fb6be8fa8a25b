"""Vector search for claim matching by meaning: exact search for small collections, an
approximate (HNSW) index for large ones, and the vectors' storage format in the database.

Pure Python + numpy + usearch, no Django: the service builds these from rows it has read, a
worker builds the approximate index file, and web processes open it memory-mapped.

    index = exact_index(ids, vectors, model_id)            # below ANN_MIN_SIZE claims
    build_ann(ids, vectors, path, model_id)                  # in a worker; atomic
    index = open_ann(path, model_id)                         # in each web process
    [(ids, scores)] = index.search(query_vectors, k)         # best first, ties: smaller id

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
- the approximate index is usearch's HNSW over int8 codes with one global scale (so the cosine
  of the codes approximates the cosine of the vectors). faiss-cpu (IndexHNSWSQ) matched its
  recall and build time and answered ~1.5x faster (0.4 vs 0.7 ms), but its "memory-mapped"
  open read the whole graph into each process's own memory (57 MB for a 51 MB file, against
  20 MB for usearch's view); web processes share usearch's mapped pages instead;
- ANN_MIN_SIZE: see its comment.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
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

# HNSW parameters (usearch names: M, efConstruction, efSearch). At 1,000,000 claims
# (bench/bench_vectors.py) they give recall@10 0.973 against exact float32 search at 1.2 ms
# p95; EXPANSION_SEARCH is the smallest ef with recall >= 0.97 (64 gave 0.954, too close to
# the 0.95 target for data harder than the benchmark's). The build took 530 s there (680 CPU
# seconds, 2 cores): EXPANSION_ADD 64 would halve it for ~0.01 less recall.
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128

# How often a web process looks for a newer index file (one stat() call at most this often).
RECHECK_SECONDS = 1.0

# Exact search turns EXACT_BLOCK_ROWS int8 rows at a time into float32 (1.5 MB: stays in the
# CPU cache, and OpenBLAS keeps a product this small on one thread) and keeps the contenders of
# every EXACT_CHUNK_ROWS rows. Timed on the 2-core machine at 100,000 claims, one query: 8 ms
# with blocks of 1,024 rows; 8 to 200 ms with 4,096 and more, as OpenBLAS's second thread
# fought another process for the cores (float32 matmul over the same claims: 11 to 16 ms).
EXACT_BLOCK_ROWS = 1 << 10
EXACT_CHUNK_ROWS = 1 << 16

# Far above float32 rounding in a 384-term dot product (~1e-7), far below a meaningful gap.
_TIE_MARGIN = 1e-5
_TRAILER_MAGIC = b"CTVIDX01"
_FORMAT = 1


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


def _check_ids_vectors(ids: Iterable[int] | np.ndarray, vectors: np.ndarray):
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


def _check_queries(queries: np.ndarray) -> np.ndarray:
    queries = np.asarray(queries, dtype=np.float32)
    if queries.ndim == 1:
        queries = queries[None, :]
    if queries.ndim != 2 or queries.shape[1] != DIMENSION:
        raise ValueError(
            f"Expected queries of shape (m, {DIMENSION}), got {queries.shape}: encode the "
            "query texts with the same encoder as the claims."
        )
    return queries


def _empty() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)


def _best(ids: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
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
        out.append(_best(ids[first_of_id], scores[first_of_id], k) if k > 0 else _empty())
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
        ids, vectors = _check_ids_vectors(ids, vectors)
        self.model_id = model_id
        self._ids = ids
        self._codes, self._scale = quantise(vectors)

    @property
    def size(self) -> int:
        return len(self._ids)

    def __len__(self) -> int:
        return self.size

    def search(self, queries: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        queries = _check_queries(queries)
        if k <= 0 or not self.size:
            return [_empty() for _ in queries]
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
            out.append(_best(self._ids[rows], exact.astype(np.float32), k))
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


# --- The approximate index file --------------------------------------------------------------
#
# One file: usearch's own serialisation (which usearch memory-maps), then our trailer: a JSON
# object (format, model id, count, scale, library version), its length (8 bytes, little-endian)
# and _TRAILER_MAGIC. usearch reads its header and sizes from the front and ignores what
# follows, so the trailer travels with the index it describes: no second file to keep in step.


def _global_codes(vectors: np.ndarray) -> tuple[np.ndarray, float]:
    """int8 codes with one scale for every dimension: the codes' cosine then approximates the
    vectors' cosine (a per-dimension scale would bend the space the graph is built in)."""
    peak = float(np.abs(vectors).max()) if vectors.size else 1.0
    scale = max(peak, 1e-6) / 127
    return np.clip(np.rint(vectors / scale), -127, 127).astype(np.int8), scale


def _query_codes(queries: np.ndarray) -> np.ndarray:
    # Each query with its own scale: usearch's cosine ignores a query's length, and the full
    # int8 range keeps the most precision.
    peak = np.maximum(np.abs(queries).max(axis=1, keepdims=True), 1e-6)
    return np.clip(np.rint(queries / peak * 127), -127, 127).astype(np.int8)


def _new_index():
    from usearch.index import Index  # the ANN library loads only where an index is used

    return Index(
        ndim=DIMENSION,
        metric="cos",
        dtype="i8",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


def build_ann(
    ids: np.ndarray | Sequence[int],
    vectors: np.ndarray,
    path: str | os.PathLike[str],
    model_id: str,
    *,
    threads: int = 0,
) -> None:
    """Build the approximate index of (ids, vectors) and write it to `path` atomically: a
    temporary file in the same directory, fsync'd, then os.replace(), so a reader opens
    either the old file or the new one, never half of one. threads=0 uses every core."""
    import usearch

    ids, vectors = _check_ids_vectors(ids, vectors)
    path = Path(path)
    codes, scale = _global_codes(vectors)
    index = _new_index()
    if len(ids):
        index.add(ids.astype(np.uint64), codes, threads=threads)
    meta = {
        "format": _FORMAT,
        "model_id": model_id,
        "count": len(ids),
        # Claims with a larger id came after this build: the service can search those
        # exactly and merge() the two results until the next build.
        "max_id": int(ids.max()) if len(ids) else None,
        "dimension": DIMENSION,
        "scale": scale,
        "library": f"usearch {usearch.__version__}",
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    trailer = json.dumps(meta).encode()
    trailer += len(trailer).to_bytes(8, "little") + _TRAILER_MAGIC
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        index.save(str(tmp))
        with tmp.open("r+b") as f:
            f.seek(0, os.SEEK_END)
            f.write(trailer)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        index.reset()
    # The rename itself is durable once the directory is.
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of builds that died (a killed worker) and are a day old: a build in
    progress elsewhere is younger, so its file stays."""
    now = time.time()
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if now - stale.stat().st_mtime > 86_400:
                stale.unlink()
        except FileNotFoundError:
            pass


def read_ann_meta(path: str | os.PathLike[str]) -> dict | None:
    """The trailer of an index file (model_id, count, ...); None when missing or not ours."""
    try:
        with open(path, "rb") as f:
            return _read_trailer(f.fileno())
    except FileNotFoundError:
        return None


def _read_trailer(fd: int) -> dict | None:
    size = os.fstat(fd).st_size
    if size < 16:
        return None
    tail = os.pread(fd, 16, size - 16)
    if tail[8:] != _TRAILER_MAGIC:
        return None
    length = int.from_bytes(tail[:8], "little")
    if length > size - 16:
        return None
    try:
        meta = json.loads(os.pread(fd, length, size - 16 - length))
    except ValueError:
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == _FORMAT else None


@dataclass
class _Opened:
    """One index file, memory-mapped, with what its trailer says and which file it was."""

    index: object | None  # usearch Index viewing the file; None for an empty index
    meta: dict
    signature: tuple[int, int, int, int]  # (st_dev, st_ino, st_size, st_mtime_ns)


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _open_file(path: Path, model_id: str) -> _Opened | None:
    from usearch.index import Index

    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            st = os.fstat(fd)
            meta = _read_trailer(fd)
            if meta is None:
                logger.warning("%s is not a claim vector index file: rebuild it.", path)
                return None
            if meta.get("model_id") != model_id or meta.get("dimension") != DIMENSION:
                logger.warning(
                    "%s was built for model %r, not %r: rebuild it with the current encoder.",
                    path,
                    meta.get("model_id"),
                    model_id,
                )
                return None
            index = None
            if meta["count"]:
                try:
                    index = Index.restore(path, view=True, expansion_search=EXPANSION_SEARCH)
                except (RuntimeError, ValueError) as exc:  # usearch's errors for a bad file
                    logger.warning("%s cannot be read (%s): rebuild it.", path, exc)
                    return None
            # Holding fd pins the file we read the trailer from: if the path still names it,
            # usearch mapped that same file (a replaced file gets a new inode).
            if _signature(os.stat(path)) == _signature(st):
                return _Opened(index, meta, _signature(st))
        except FileNotFoundError:
            pass
        finally:
            os.close(fd)
    logger.warning("%s kept changing while it was opened; will try again.", path)
    return None


@dataclass
class AnnIndex:
    """The approximate index a web process searches: a memory-mapped file that it swaps for a
    newer one (checked with one stat() at most every RECHECK_SECONDS) without a restart.

    Thread-safe: a search uses the file that was current when it started; a file replaced on
    disk stays readable (mapped) until the last search on it ends.
    """

    path: Path
    expected_model_id: str
    _opened: _Opened
    _checked_at: float = field(default_factory=time.monotonic)
    _removed: set[int] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def size(self) -> int:
        return int(self._current().meta["count"])

    @property
    def model_id(self) -> str:
        return str(self._current().meta["model_id"])

    @property
    def meta(self) -> dict:
        return dict(self._current().meta)

    def __len__(self) -> int:
        return self.size

    def refresh(self, *, force: bool = False) -> bool:
        """Swap to a newer file if there is one; True when it swapped. search() calls this."""
        now = time.monotonic()
        if not force and now - self._checked_at < RECHECK_SECONDS:
            return False
        if not self._lock.acquire(blocking=force):
            return False  # another thread is looking already
        try:
            self._checked_at = now
            try:
                signature = _signature(os.stat(self.path))
            except FileNotFoundError:
                return False  # keep serving the file we have
            if signature == self._opened.signature:
                return False
            opened = _open_file(self.path, self.expected_model_id)
            if opened is None:
                # Refused (another model) or unreadable: keep the one we have, and do not try
                # that file again until it changes.
                self._opened = _Opened(self._opened.index, self._opened.meta, signature)
                return False
            self._opened = opened
            if self._removed and opened.index is not None:
                self._removed = {i for i in self._removed if opened.index.contains(i)}
            return True
        finally:
            self._lock.release()

    def _current(self) -> _Opened:
        self.refresh()
        return self._opened

    def remove(self, ids: Iterable[int]) -> None:
        """Leave these claims out of results until a rebuilt file no longer has them (the
        library's own removal would need a writable index; the service also drops ids it no
        longer finds in the database)."""
        # A new set, not an update: a search in another thread may be reading the old one.
        self._removed = self._removed | {int(i) for i in ids}

    def search(self, queries: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        queries = _check_queries(queries)
        opened = self._current()
        count = int(opened.meta["count"])
        if k <= 0 or opened.index is None or not count:
            return [_empty() for _ in queries]
        removed = self._removed
        # usearch orders equal distances arbitrarily: fetching twice k lets ties at the cut go
        # to the smaller id (free while 2k <= EXPANSION_SEARCH, the candidates it keeps anyway).
        fetch = min(2 * k + len(removed), count)
        matches = opened.index.search(_query_codes(normalise(queries)), fetch, threads=1)
        keys = np.asarray(matches.keys).reshape(len(queries), -1)
        distances = np.asarray(matches.distances).reshape(len(queries), -1)
        counts = np.asarray(getattr(matches, "counts", [len(keys[0])])).reshape(-1)
        out = []
        for row_keys, row_distances, n in zip(keys, distances, counts, strict=True):
            ids = row_keys[:n].astype(np.int64)
            scores = (1.0 - row_distances[:n]).astype(np.float32)
            if removed:
                keep = ~np.isin(ids, np.fromiter(removed, dtype=np.int64, count=len(removed)))
                ids, scores = ids[keep], scores[keep]
            out.append(_best(ids, scores, k))
        return out


def open_ann(path: str | os.PathLike[str], model_id: str) -> AnnIndex | None:
    """The index file at `path`, memory-mapped; None when it is missing, not an index file, or
    was built for another model (logged): the service then searches exactly or not at all."""
    path = Path(path)
    opened = _open_file(path, model_id)
    if opened is None:
        return None
    return AnnIndex(path=path, expected_model_id=model_id, _opened=opened)
