"""The approximate (HNSW) index of claim vectors for large collections (claims.semantic.index
has the exact one, the storage format and what both share): built by a worker into one file,
swapped in atomically, memory-mapped by web processes, which pick up a newer file by
themselves. Pure Python + numpy + usearch, no Django.

The choice, measured on real encodings of claims by bench/bench_vectors.py (bench/RESULTS.md,
"Vector search at 1,000,000 claims"): usearch's HNSW over int8 codes with one global scale (so
the cosine of the codes approximates the cosine of the vectors). faiss-cpu (IndexHNSWSQ) matched
its recall and build time and answered ~1.5x faster (0.4 vs 0.7 ms), but its "memory-mapped"
open read the whole graph into each process's own memory (57 MB for a 51 MB file, against 20 MB
for usearch's view); web processes share usearch's mapped pages instead.
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

import numpy as np

from claims.semantic.encoder import DIMENSION
from claims.semantic.index import best_k, check_ids_vectors, check_queries, no_results, normalise

logger = logging.getLogger(__name__)

# HNSW parameters (usearch names: M, efConstruction, efSearch). At 1,000,000 claims
# (bench/bench_vectors.py) they give recall@10 0.973 against exact float32 search at 1.2 ms
# p95; EXPANSION_SEARCH is the smallest ef with recall >= 0.97 (64 gave 0.954, too close to
# the 0.95 target for data harder than the benchmark's). The build took 530 s there (680 CPU
# seconds, 2 cores): EXPANSION_ADD 64 would halve it for ~0.01 less recall.
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128

# Below this many vectors the graph is built on one thread, whatever `threads` asks: built on
# two, 28 of 300 indexes of 50 random vectors held a vector that a search for itself did not
# find (usearch's concurrent inserts into a tiny graph; a flaky test showed it), against none
# of 300 on one thread, and none of 2,000 sampled vectors of a 20,000-vector index on either.
# One thread built 20,000 vectors in 7.1 s here (two threads: 3.6 s).
SINGLE_THREAD_BELOW = 10_000

# How often a web process looks for a newer index file (one stat() call at most this often).
RECHECK_SECONDS = 1.0

_TRAILER_MAGIC = b"CTVIDX01"
_FORMAT = 1


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
    either the old file or the new one, never half of one. threads=0 uses every core (above
    SINGLE_THREAD_BELOW vectors)."""
    import usearch

    ids, vectors = check_ids_vectors(ids, vectors)
    path = Path(path)
    codes, scale = _global_codes(vectors)
    index = _new_index()
    if len(ids):
        threads = 1 if len(ids) < SINGLE_THREAD_BELOW else threads
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
        queries = check_queries(queries)
        opened = self._current()
        count = int(opened.meta["count"])
        if k <= 0 or opened.index is None or not count:
            return [no_results() for _ in queries]
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
            out.append(best_k(ids, scores, k))
        return out


def open_ann(path: str | os.PathLike[str], model_id: str) -> AnnIndex | None:
    """The index file at `path`, memory-mapped; None when it is missing, not an index file, or
    was built for another model (logged): the service then searches exactly or not at all."""
    path = Path(path)
    opened = _open_file(path, model_id)
    if opened is None:
        return None
    return AnnIndex(path=path, expected_model_id=model_id, _opened=opened)
