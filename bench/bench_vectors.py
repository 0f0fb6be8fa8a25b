"""Vector search at scale (issue 13): exact int8 search and the approximate (HNSW) index of
claims/semantic/index.py and ann.py, at 1,000,000 claims by default, against exact float32 search.

    .venv/bin/python bench/bench_vectors.py [--size 1000000] [--queries 2000]
                                            [--compare-size 100000]

About 13 minutes and 4.7 GB at the default size on the 2-core machine (the ANN build is 9 of
them). Encoding a million sentences takes over an hour here, so the collection is built from
the real encodings of every English claim-like sentence in ../shared/corpus (CLEF 2020 task 2
checked claims and their titles, CheckThat! 2024 debate sentences; ~44,000, encoded once and
cached in /tmp, never in the repository) plus synthetic vectors made from them (Synthesiser):

    synthetic = normalise(r_i + u * (r_j - r_i) + s * g)

with r_i a random real vector, r_j one of its 10 nearest real neighbours, u ~ U(0, 0.5) (a step
along the data's own neighbourhood, as SMOTE does), g Gaussian noise with the real vectors'
covariance (so the noise stays in the cone the encoder's outputs fill, not isotropic) and s
log-uniform in a range the script chooses, at the size of the real set, so that the synthetic
vectors' top-1 cosine to their nearest neighbour is distributed like the real vectors' (both
distributions are printed). Queries are never in the collection: the CLEF tweets (real
paraphrases of checked claims), held-apart real sentences, and paraphrase-like perturbations of
indexed real vectors.

Prints Markdown tables and replaces the section "Vector search at ... claims" of
bench/RESULTS.md. The approximate index is opened in a child process, as a web process would,
so its resident memory is its own. faiss-cpu is measured beside usearch when it is installed
(`pip install faiss-cpu`; not a requirement: this comparison is how usearch was chosen), on the
first --compare-size claims; without it, or with --compare-size 0, the comparison is skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One BLAS thread, as in a web process serving look-ups (set before numpy loads): on this
# 2-core machine OpenBLAS's second thread made single-query matrix products slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    fmt,
    log,
    md_table,
    peak_rss_mb,
    percentile,
    rss_mb,
    write_section,
)
from claims.semantic import ann as va  # noqa: E402
from claims.semantic import index as vi  # noqa: E402
from claims.semantic.encoder import DIMENSION, MODEL_ID, load_encoder  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CACHE_DIR = Path(
    os.environ.get("BENCH_VECTOR_CACHE", Path(tempfile.gettempdir()) / "claimtracker-bench-vectors")
)
K = 10
SEED = 13
SIZES_FOR_THRESHOLD = (2_000, 5_000, 10_000, 20_000, 50_000)
EF_SWEEP = (64, 96, 128, 192, 256)
# Noise level ranges tried for the synthetic vectors (log-uniform between the two).
SIGMA_RANGES = ((0.1, 1.3), (0.12, 1.3), (0.15, 1.2), (0.15, 1.5), (0.2, 1.2))


# --- Real encodings --------------------------------------------------------------------------


def real_sentences() -> tuple[list[str], list[str]]:
    """Every real English sentence in ../shared/corpus that reads like a claim, deduplicated,
    with where each came from: (texts, sources)."""
    texts: dict[str, str] = {}

    def add(text: str, source: str) -> None:
        text = " ".join(text.split())
        if len(text) >= 20 and text not in texts:
            texts[text] = source

    def rows(path: Path) -> list[list[str]]:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.reader(f, delimiter="\t"))[1:]

    matching = CORPUS / "claim-matching" / "clef2020-t2"
    for row in rows(matching / "verified_claims.docs.tsv"):
        add(row[1], "vclaim")
        add(row[2], "title")
    for split in ("train", "dev"):
        for row in rows(matching / split / "tweets.queries.tsv"):
            add(row[1], "tweet")
    for name in ("train", "dev", "dev-test"):
        for row in rows(CORPUS / "checkworthiness" / f"CT24_checkworthy_english_{name}.tsv"):
            add(row[1], "debate")
    return list(texts), list(texts.values())


def cache_path(kind: str, key: str) -> Path:
    return CACHE_DIR / f"{kind}-{MODEL_ID}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npy"


def save_cached(path: Path, array: np.ndarray) -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, array)
    os.replace(tmp, path)


def real_encodings(texts: list[str]) -> np.ndarray:
    """The encoder's vectors for `texts`, cached in /tmp under the model id and a digest of the
    texts: encoding 44,000 sentences takes several minutes here."""
    path = cache_path("real", "\n".join(texts))
    if path.is_file():
        return np.load(path)
    encoder = load_encoder()
    if encoder is None:
        sys.exit("The encoder did not load (see the log): pip install -r requirements.txt")
    started = time.perf_counter()
    vectors = encoder.encode(texts)
    log(f"encoded {len(texts):,} sentences in {time.perf_counter() - started:.0f} s")
    save_cached(path, vectors)
    return vectors


# --- Exact float32 search (the floor and the truth) ------------------------------------------


def float_top_k(
    queries: np.ndarray,
    vectors: np.ndarray,
    k: int,
    *,
    exclude_self: bool = False,
    offset: int = 0,
):
    """Exact top-k by float32 inner product, blockwise: (indexes (m, k), scores (m, k)).
    exclude_self: queries are vectors[offset : offset + m] and must not find themselves."""
    if len(queries) > 1024:  # bound the score block: 1024 x 65536 float32 = 256 MB
        parts = [
            float_top_k(queries[i : i + 1024], vectors, k, exclude_self=exclude_self, offset=i)
            for i in range(0, len(queries), 1024)
        ]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    m = len(queries)
    best_i = np.full((m, k), -1, dtype=np.int64)
    best_s = np.full((m, k), -np.inf, dtype=np.float32)
    block = 1 << 16
    for start in range(0, len(vectors), block):
        scores = queries @ vectors[start : start + block].T
        if exclude_self:
            # Query q is vectors[offset + q]: blank its own column if it is in this block.
            own = np.arange(m) + offset - start
            inside = (own >= 0) & (own < scores.shape[1])
            scores[np.flatnonzero(inside), own[inside]] = -np.inf
        kk = min(k, scores.shape[1])
        part = np.argpartition(-scores, kk - 1, axis=1)[:, :kk]
        cand_i = np.concatenate([best_i, part + start], axis=1)
        cand_s = np.concatenate([best_s, np.take_along_axis(scores, part, axis=1)], axis=1)
        order = np.argsort(-cand_s, axis=1, kind="stable")[:, :k]
        best_i = np.take_along_axis(cand_i, order, axis=1)
        best_s = np.take_along_axis(cand_s, order, axis=1)
    return best_i, best_s


def recall(found: list[np.ndarray], truth: np.ndarray) -> float:
    hits = sum(len(set(f.tolist()) & set(t.tolist())) for f, t in zip(found, truth, strict=True))
    return hits / truth.size


# --- Synthetic vectors -----------------------------------------------------------------------


def real_neighbours(real: np.ndarray) -> np.ndarray:
    path = cache_path("neighbours", f"{len(real)}-{real[:50].tobytes().hex()[:4000]}")
    if path.is_file():
        return np.load(path)
    started = time.perf_counter()
    neighbours, _ = float_top_k(real, real, 10, exclude_self=True)
    log(f"real nearest neighbours in {time.perf_counter() - started:.0f} s")
    save_cached(path, neighbours)
    return neighbours


class Synthesiser:
    def __init__(self, real: np.ndarray, neighbours: np.ndarray) -> None:
        self.real = real
        self.neighbours = neighbours
        centred = real - real.mean(axis=0)
        # Noise with the real covariance: g = z @ L.T, L the covariance's Cholesky factor.
        cov = centred.T @ centred / len(real) + 1e-6 * np.eye(real.shape[1], dtype=np.float32)
        self.chol = np.linalg.cholesky(cov.astype(np.float64)).astype(np.float32)

    def make(self, n: int, sigma: tuple[float, float], rng: np.random.Generator) -> np.ndarray:
        """n synthetic vectors, each with its own noise level, log-uniform in `sigma`."""
        low, high = np.log(sigma[0]), np.log(sigma[1])
        out = np.empty((n, self.real.shape[1]), dtype=np.float32)
        for start in range(0, n, 1 << 16):
            m = min(1 << 16, n - start)
            i = rng.integers(0, len(self.real), m)
            j = self.neighbours[i, rng.integers(0, self.neighbours.shape[1], m)]
            u = rng.uniform(0.0, 0.5, (m, 1)).astype(np.float32)
            g = rng.standard_normal((m, self.real.shape[1]), dtype=np.float32) @ self.chol.T
            level = np.exp(rng.uniform(low, high, (m, 1))).astype(np.float32)
            mixed = self.real[i] + u * (self.real[j] - self.real[i]) + level * g
            out[start : start + m] = vi.normalise(mixed)
        return out


def top1_distribution(vectors: np.ndarray, sample: int, rng: np.random.Generator) -> np.ndarray:
    """Top-1 cosine of `sample` random members to the rest of `vectors`."""
    order = rng.permutation(len(vectors))
    moved = vectors[order]
    _, scores = float_top_k(moved[:sample], moved, 1, exclude_self=True)
    return scores[:, 0]


QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9, 0.99)


def calibrate(synth: Synthesiser, real: np.ndarray, rng: np.random.Generator):
    """sigma whose synthetic top-1 distribution (at the real set's size) is closest to the
    real one, by the largest gap between their quantiles."""
    real_top1 = top1_distribution(real, 2000, rng)
    real_q = np.quantile(real_top1, QUANTILES)
    tried = []
    for sigma in SIGMA_RANGES:
        synthetic = synth.make(len(real), sigma, np.random.default_rng(SEED + 1))
        q = np.quantile(top1_distribution(synthetic, 2000, rng), QUANTILES)
        tried.append((float(np.abs(q - real_q).max()), sigma, q))
    _gap, sigma, synth_q = min(tried, key=lambda t: t[0])
    return sigma, real_q, synth_q, tried


# --- Queries ---------------------------------------------------------------------------------


def perturb(vectors: np.ndarray, synth: Synthesiser, rng: np.random.Generator, target: float):
    """Paraphrase-like: each vector plus covariance-shaped noise scaled so the cosine to the
    original is about `target` (real paraphrase pairs in CLEF score around there)."""
    g = rng.standard_normal(vectors.shape, dtype=np.float32) @ synth.chol.T
    g -= (g * vectors).sum(axis=1, keepdims=True) * vectors  # orthogonal part only
    g = vi.normalise(g)
    angle = np.arccos(target) * rng.uniform(0.7, 1.3, (len(vectors), 1)).astype(np.float32)
    return vi.normalise(np.cos(angle) * vectors + np.sin(angle) * g)


# --- Child process: open an index file as a web process would --------------------------------


def probe(args: argparse.Namespace) -> None:
    """Open the index file, time single-query look-ups at each ef; print one JSON line."""
    queries = np.load(args.queries)
    # The library is loaded before the baseline: what is measured is the index's memory.
    if args.probe == "faiss":
        import faiss

        faiss.omp_set_num_threads(1)
    else:
        from usearch.index import Index
    result: dict = {"rss_before_mb": rss_mb(os.getpid())}
    started = time.perf_counter()
    if args.probe == "ours":
        index = va.open_ann(args.path, MODEL_ID)
        assert index is not None

        def search(q: np.ndarray) -> np.ndarray:
            return index.search(q, K)[0][0]

        efs: tuple = (va.EXPANSION_SEARCH,)

        def set_ef(ef: int) -> None:
            pass

    elif args.probe == "usearch":
        raw = Index.restore(args.path, view=True)

        def search(q: np.ndarray) -> np.ndarray:
            codes = np.clip(np.rint(q / np.abs(q).max() * 127), -127, 127).astype(np.int8)
            return np.asarray(raw.search(codes, K, threads=1).keys, dtype=np.int64)

        efs = EF_SWEEP

        def set_ef(ef: int) -> None:
            raw.expansion_search = ef

    else:
        raw = faiss.read_index(args.path, faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        hnsw = faiss.downcast_index(raw.index).hnsw

        def search(q: np.ndarray) -> np.ndarray:
            return raw.search(q[None, :], K)[1][0]

        efs = EF_SWEEP

        def set_ef(ef: int) -> None:
            hnsw.efSearch = ef

    result["open_ms"] = (time.perf_counter() - started) * 1000
    result["rss_after_open_mb"] = rss_mb(os.getpid())
    if args.probe != "ours":
        # The ef sweep compares settings, not cold starts: read the pages in first.
        for q in queries:
            search(q)
    runs = {}
    for ef in efs:
        set_ef(ef)
        timings, found = [], []
        for q in queries:
            t0 = time.perf_counter()
            ids = search(q)
            timings.append((time.perf_counter() - t0) * 1000)
            found.append(np.asarray(ids, dtype=np.int64).tolist())
        runs[str(ef)] = {"timings": timings, "found": found}
    result["runs"] = runs
    result["rss_after_queries_mb"] = rss_mb(os.getpid())
    print(json.dumps(result))


def run_probe(kind: str, path: Path, queries_path: Path) -> dict:
    drop_cache(path)
    command = [sys.executable, __file__, "--probe", kind, "--path", str(path)]
    command += ["--queries-file", str(queries_path)]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"probe {kind} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def drop_cache(path: Path) -> None:
    """Ask the kernel to forget the file's pages, so the open is measured cold (best effort)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fdatasync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def build_faiss(ids: np.ndarray, vectors: np.ndarray, path: Path) -> None:
    """The faiss equivalent of build_ann: HNSW (same M and efConstruction) over 8-bit scalar
    quantised vectors, inner product, with an id map for int64 keys."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)
    base = faiss.IndexHNSWSQ(
        DIMENSION, faiss.ScalarQuantizer.QT_8bit, va.CONNECTIVITY, faiss.METRIC_INNER_PRODUCT
    )
    base.hnsw.efConstruction = va.EXPANSION_ADD
    index = faiss.IndexIDMap2(base)
    index.train(vectors[:100_000])
    index.add_with_ids(vectors, ids)
    faiss.write_index(index, str(path))


def measure_build(build, path: Path) -> dict:
    started, cpu = time.perf_counter(), cpu_s()
    build(path)
    return {
        "build_s": time.perf_counter() - started,
        "build_cpu_s": cpu_s() - cpu,
        "file_mb": path.stat().st_size / 2**20,
    }


# --- The run ---------------------------------------------------------------------------------


def timed(call, queries: np.ndarray, count: int) -> list[float]:
    for q in queries[:3]:
        call(q)
    out = []
    for q in queries[:count]:
        t0 = time.perf_counter()
        call(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def quantiles_row(label: str, values: np.ndarray) -> tuple:
    return (label, *(f"{v:.3f}" for v in np.quantile(values, QUANTILES)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument(
        "--compare-size",
        type=int,
        default=100_000,
        help="claims for the usearch/faiss comparison (0: skip; skipped without faiss-cpu)",
    )
    parser.add_argument("--encode-only", action="store_true")
    parser.add_argument("--probe", choices=("ours", "usearch", "faiss"), help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--queries-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        args.queries = args.queries_file
        probe(args)
        return
    wall = time.perf_counter()
    load_at_start = os.getloadavg()[0]
    rng = np.random.default_rng(SEED)
    texts, sources = real_sentences()
    real_all = real_encodings(texts)
    if args.encode_only:
        return
    kinds_of_text = np.asarray(sources)

    # Held apart from the collection: the tweets (real paraphrases of checked claims), and
    # random real sentences.
    tweets = np.flatnonzero(kinds_of_text == "tweet")
    others = np.flatnonzero(kinds_of_text != "tweet")
    held = rng.choice(others, args.queries // 3, replace=False)
    real = real_all[np.setdiff1d(others, held)]
    log(f"{len(real_all):,} real encodings; {len(real):,} go into the collection")

    synth = Synthesiser(real, real_neighbours(real))
    sigma, real_q, synth_q, tried = calibrate(synth, real, rng)
    log(f"synthesis noise level range {sigma}")
    size = args.size
    vectors = np.concatenate(
        [real, synth.make(max(0, size - len(real)), sigma, np.random.default_rng(SEED))]
    )[:size]
    # Ids as a database has them: increasing with gaps, far from 0..n-1; rows interleaved.
    ids = np.sort(rng.choice(3 * size, size, replace=False)).astype(np.int64) + 1_000
    shuffle = rng.permutation(size)
    vectors = vectors[shuffle]
    is_real = shuffle < len(real)
    log(f"collection: {size:,} vectors ({int(is_real.sum()):,} real)")

    n_tweets = min(len(tweets), args.queries // 3)
    perturbed_from = rng.choice(np.flatnonzero(is_real), args.queries - n_tweets - len(held))
    queries = np.concatenate(
        [
            real_all[rng.choice(tweets, n_tweets, replace=False)],
            real_all[held],
            perturb(vectors[perturbed_from], synth, rng, target=0.85),
        ]
    ).astype(np.float32)
    kinds = np.asarray(
        ["tweet"] * n_tweets
        + ["held-apart sentence"] * len(held)
        + ["perturbed claim"] * len(perturbed_from)
    )
    log(f"{len(queries):,} queries; exact float32 truth over {size:,} vectors")
    started = time.perf_counter()
    truth_rows, truth_scores = float_top_k(queries, vectors, K)
    truth = ids[truth_rows]
    truth_s = time.perf_counter() - started

    # How the synthetic part looks from inside the final collection.
    top1_rows = []
    for name, mask in (("real", is_real), ("synthetic", ~is_real)):
        if mask.any():
            rows = rng.choice(np.flatnonzero(mask), min(1000, int(mask.sum())), replace=False)
            _, s = float_top_k(vectors[rows], vectors, 2)
            top1_rows.append(quantiles_row(f"{name} members, in the {size:,} collection", s[:, 1]))

    # Exact search's quantisation: one scale per dimension vs one global scale.
    sub = min(size, 100_000)
    t_rows, t_scores = float_top_k(queries, vectors[:sub], K)
    quant_rows = []
    for label, scale in (
        ("per dimension (chosen)", None),
        ("global", np.float32(np.abs(vectors[:sub]).max() / 127)),
    ):
        codes, sc = vi.quantise(vectors[:sub], scale)
        dequantised = codes.astype(np.float32) * sc
        top, _ = float_top_k(queries, dequantised, K)
        err = np.abs(np.einsum("qd,qkd->qk", queries, dequantised[t_rows]) - t_scores)
        quant_rows.append(
            (
                label,
                f"{sub:,}",
                f"{recall(list(top), t_rows):.4f}",
                f"{err.mean():.4f}",
                f"{err.max():.4f}",
            )
        )
        del dequantised
    blobs = [vi.to_blob(v) for v in real[:5000]]
    back = vi.from_blobs(blobs)
    blob_self = float(np.abs((back * real[:5000]).sum(axis=1) - 1).max())
    blob_pair = float(np.abs(back[:500] @ back[500:].T - real[:500] @ real[500:5000].T).max())

    # The floor (exact float32, one matmul) and exact int8 search, single queries.
    n_timed = 40

    def floor_search(q: np.ndarray) -> np.ndarray:
        scores = vectors @ q
        best = np.argpartition(-scores, K)[:K]
        return ids[best[np.argsort(-scores[best])]]

    floor_ms = timed(floor_search, queries, n_timed)
    started = time.perf_counter()
    exact = vi.exact_index(ids, vectors, MODEL_ID)
    exact_build_s = time.perf_counter() - started
    exact_ms = timed(lambda q, index=exact: index.search(q, K), queries, n_timed)
    exact_recall = recall([r[0] for r in exact.search(queries[:300], K)], truth[:300])
    exact_mb = (vectors.nbytes / 4 + ids.nbytes) / 2**20  # int8 codes + int64 ids
    del exact
    gc.collect()

    workdir = Path(tempfile.mkdtemp(prefix="bench-vectors-"))
    queries_path = workdir / "queries.npy"
    np.save(queries_path, queries)
    try:
        # The ANN (ours), built as the worker builds it, opened as a web process opens it.
        ann_path = workdir / "claims.usearch"
        log("building the usearch index")
        ann = measure_build(lambda p: va.build_ann(ids, vectors, p, MODEL_ID), ann_path)
        log(f"built in {ann['build_s']:.0f} s")
        ours = run_probe("ours", ann_path, queries_path)
        sweep = run_probe("usearch", ann_path, queries_path)
        ann_path.unlink()

        compare = compare_libraries(args.compare_size, ids, vectors, queries, workdir)
        threshold_rows = threshold(ids, vectors, queries, workdir)
    finally:
        for leftover in workdir.iterdir():
            leftover.unlink()
        workdir.rmdir()

    # --- Tables ---------------------------------------------------------------------------
    p = percentile
    ours_run = ours["runs"][str(va.EXPANSION_SEARCH)]
    ours_found = [np.asarray(f) for f in ours_run["found"]]
    by_kind = []
    for kind in dict.fromkeys(kinds.tolist()):
        rows = np.flatnonzero(kinds == kind)
        by_kind.append(f"{kind} {recall([ours_found[i] for i in rows], truth[rows]):.3f}")
    main_rows = [
        (
            "exact float32 numpy matmul (floor)",
            "-",
            fmt(vectors.nbytes / 2**20, 0) + " in memory",
            "-",
            fmt(p(floor_ms, 50)),
            fmt(p(floor_ms, 95)),
            "1.000 (the truth)",
        ),
        (
            "exact int8 numpy (`ExactIndex`)",
            fmt(exact_build_s, 1),
            fmt(exact_mb, 0) + " in memory",
            "-",
            fmt(p(exact_ms, 50)),
            fmt(p(exact_ms, 95)),
            f"{exact_recall:.3f}",
        ),
        (
            f"ANN: usearch HNSW int8, ef {va.EXPANSION_SEARCH} (`build_ann` / `open_ann`)",
            f"{ann['build_s']:.0f} ({ann['build_cpu_s']:.0f} CPU)",
            fmt(ann["file_mb"], 0) + " file",
            f"{ours['rss_after_open_mb'] - ours['rss_before_mb']:.0f} after open "
            f"({ours['open_ms']:.0f} ms), "
            f"{ours['rss_after_queries_mb'] - ours['rss_before_mb']:.0f} after the queries",
            fmt(p(ours_run["timings"], 50), 2),
            fmt(p(ours_run["timings"], 95), 2),
            f"**{recall(ours_found, truth):.3f}** ({', '.join(by_kind)})",
        ),
    ]
    main_headers = (
        "search",
        "build s",
        "MB",
        "RSS MB of the opening process",
        "look-up p50 ms",
        "look-up p95 ms",
        f"recall@{K} vs exact float32",
    )
    sweep_rows = [
        (
            ef,
            fmt(p(run["timings"], 50), 2),
            fmt(p(run["timings"], 95), 2),
            f"{recall([np.asarray(f) for f in run['found']], truth):.3f}",
        )
        for ef, run in sweep["runs"].items()
    ]
    dist_rows = [
        quantiles_row(f"real, among the real set ({len(real):,})", real_q),
        quantiles_row(f"synthetic, among as many synthetic (noise {sigma})", synth_q),
        *top1_rows,
        quantiles_row("query tweets: top-1 in the collection", truth_scores[kinds == "tweet", 0]),
        quantiles_row(
            "perturbed claims: cosine to their source",
            (queries[kinds == "perturbed claim"] * vectors[perturbed_from]).sum(axis=1),
        ),
    ]
    import usearch

    wall_s = time.perf_counter() - wall
    run_line = (
        f"Run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, numpy {np.__version__} "
        f"(OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}), "
        f"usearch {usearch.__version__}, load average {load_at_start:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end, script wall time {wall_s:.0f} s (truth "
        f"{truth_s:.0f} s), peak RSS {peak_rss_mb(os.getpid()):,.0f} MB."
    )
    sections = [
        run_line,
        f"Collection: {size:,} vectors of {DIMENSION} dimensions, {int(is_real.sum()):,} of "
        f"them real encodings (`{MODEL_ID}`) of CLEF 2020 checked claims, their titles and "
        "CheckThat! 2024 debate sentences, the rest synthesised from those (method at the "
        "end). Ids: random increasing int64 with gaps. Queries, none in the collection: "
        f"{n_tweets} CLEF tweets, {len(held)} held-apart real sentences and "
        f"{len(perturbed_from)} paraphrase-like perturbations of indexed real claims. Look-ups: "
        f"one query at a time, k = {K}, one thread. The ANN is opened memory-mapped in a child "
        "process after its pages were dropped from the OS cache, as a web process opens it "
        "after a rebuild; its RSS is above the process's own with the library loaded.",
        md_table(main_headers, main_rows),
        "Target at 1,000,000 claims: look-up p95 < 50 ms and recall@10 >= 0.95. Exact int8 "
        "recall on the first 300 queries. The exact searches hold their vectors in memory; the "
        "ANN's file is mapped, so its pages are shared by every process that opens it and "
        "count once in the page cache.",
        f"**ef search** (usearch's `expansion_search`, same file, same queries; "
        f"EXPANSION_SEARCH = {va.EXPANSION_SEARCH} in claims/semantic/ann.py):",
        md_table(("ef", "p50 ms", "p95 ms", f"recall@{K}"), sweep_rows),
    ]
    if compare:
        sections += compare
    sections += [
        f"**ANN_MIN_SIZE** (= {vi.ANN_MIN_SIZE:,} in claims/semantic/index.py): exact int8 and "
        "ANN on the first n claims of the same collection, 300 queries, recall against exact "
        "float32 at that size.",
        md_table(
            (
                "claims",
                "exact p50 ms",
                "exact p95 ms",
                "exact recall@10",
                "ANN build s",
                "ANN p50 ms",
                "ANN p95 ms",
                "ANN recall@10",
            ),
            threshold_rows,
        ),
        f"**Quantisation for exact search** (first {sub:,} claims, all queries): recall@10 of "
        "int8 search against float32, and the error of the cosine it gives the true top ten.",
        md_table(
            ("int8 scale", "claims", "recall@10", "mean score error", "max score error"), quant_rows
        ),
        "Database storage (`to_blob` / `from_blobs`: float16, little-endian, 768 bytes): on "
        f"5,000 real vectors a stored vector's cosine with the original differs from 1 by at "
        f"most {blob_self:.1e}, and cosines between stored vectors differ from the float32 ones "
        f"by at most {blob_pair:.1e}.",
        "**Synthetic vectors.** normalise(r_i + u (r_j - r_i) + s g): r_i a random real vector, "
        "r_j one of its 10 nearest real neighbours, u ~ U(0, 0.5) (a step along the data's own "
        "neighbourhood, as SMOTE does), g Gaussian with the real vectors' covariance (noise in "
        "the cone the encoder's outputs fill, not isotropic), s log-uniform in a range chosen "
        f"from {', '.join(str(t[1]) for t in tried)}: the one whose top-1 cosine quantiles "
        "(2,000 sampled members, against a set as large as the real one) are closest to the "
        f"real set's: {sigma}, largest quantile gap {min(t[0] for t in tried):.3f}. Perturbed "
        "queries: an indexed real vector turned by arccos(0.85) x U(0.7, 1.3) towards "
        "covariance-shaped noise. Top-1 cosine to the nearest other member:",
        md_table(("top-1 cosine", *(f"q{round(q * 100)}" for q in QUANTILES)), dist_rows),
        "In the full collection every real vector has synthetic near-copies around it (about "
        f"{max(0, size - len(real)) / max(len(real), 1):.1f} per real vector), so top-1 "
        "cosines there are higher than in the real set: a denser collection than the real "
        "one, which makes the ANN's job harder, not easier.",
    ]
    title = f"Vector search at {size:,} claims (bench/bench_vectors.py)"
    write_section("vectors", title, "\n\n".join(sections))


def compare_libraries(
    n: int, ids: np.ndarray, vectors: np.ndarray, queries: np.ndarray, workdir: Path
) -> list[str]:
    """usearch (ours) and faiss-cpu side by side on the first n claims: how usearch was chosen."""
    try:
        import faiss
    except ImportError:
        log("faiss-cpu is not installed: library comparison skipped")
        return []
    if n <= 0:
        return []
    n = min(n, len(vectors))
    ids, vectors = ids[:n], vectors[:n]
    t_rows, _ = float_top_k(queries, vectors, K)
    truth = ids[t_rows]
    queries_path = workdir / "queries.npy"
    rows = []
    for name, build, kind in (
        (
            f"usearch {__import__('usearch').__version__} HNSW i8 cos (`build_ann`)",
            lambda p: va.build_ann(ids, vectors, p, MODEL_ID),
            "usearch",
        ),
        (
            f"faiss-cpu {faiss.__version__} IndexHNSWSQ QT_8bit IP + IndexIDMap2",
            lambda p: build_faiss(ids, vectors, p),
            "faiss",
        ),
    ):
        path = workdir / f"compare.{kind}"
        log(f"comparison at {n:,}: building {kind}")
        built = measure_build(build, path)
        res = run_probe(kind, path, queries_path)
        path.unlink()
        for ef, run in res["runs"].items():
            rows.append(
                (
                    name,
                    f"{built['build_s']:.0f} ({built['build_cpu_s']:.0f} CPU)",
                    fmt(built["file_mb"], 0),
                    fmt(res["open_ms"], 0),
                    fmt(res["rss_after_open_mb"] - res["rss_before_mb"], 0),
                    fmt(res["rss_after_queries_mb"] - res["rss_before_mb"], 0),
                    ef,
                    fmt(percentile(run["timings"], 50), 2),
                    fmt(percentile(run["timings"], 95), 2),
                    f"{recall([np.asarray(f) for f in run['found']], truth):.3f}",
                )
            )
    headers = (
        "library",
        "build s",
        "file MB",
        "open ms",
        "RSS after open MB",
        "RSS after queries MB",
        "ef",
        "p50 ms",
        "p95 ms",
        f"recall@{K}",
    )
    return [
        f"**Library choice** at {n:,} claims (the first of the same collection, all queries): "
        f"both HNSW with M = {va.CONNECTIVITY} and efConstruction = {va.EXPANSION_ADD}, int8 "
        "vectors, built on every core, opened with the library's memory-mapping (usearch "
        "`Index.restore(path, view=True)`, faiss `read_index(path, IO_FLAG_MMAP | "
        "IO_FLAG_READ_ONLY)`) in a child process, one thread per look-up.",
        md_table(headers, rows),
    ]


def threshold(ids: np.ndarray, vectors: np.ndarray, queries: np.ndarray, workdir: Path):
    """Exact int8 vs ANN at growing sizes: where ANN_MIN_SIZE comes from."""
    rows = []
    for n in (s for s in SIZES_FOR_THRESHOLD if s < len(vectors)):
        t_rows, _ = float_top_k(queries[:300], vectors[:n], K)
        truth = ids[:n][t_rows]
        small = vi.exact_index(ids[:n], vectors[:n], MODEL_ID)
        exact_ms = timed(lambda q, s=small: s.search(q, K), queries, 200)
        exact_recall = recall([r[0] for r in small.search(queries[:300], K)], truth)
        path = workdir / f"small-{n}.usearch"
        started = time.perf_counter()
        va.build_ann(ids[:n], vectors[:n], path, MODEL_ID)
        build_s = time.perf_counter() - started
        ann = va.open_ann(path, MODEL_ID)
        ann_ms = timed(lambda q, a=ann: a.search(q, K), queries, 300)
        ann_recall = recall([ann.search(q, K)[0][0] for q in queries[:300]], truth)
        path.unlink()
        rows.append(
            (
                f"{n:,}",
                fmt(percentile(exact_ms, 50), 2),
                fmt(percentile(exact_ms, 95), 2),
                f"{exact_recall:.3f}",
                fmt(build_s, 1),
                fmt(percentile(ann_ms, 50), 2),
                fmt(percentile(ann_ms, 95), 2),
                f"{ann_recall:.3f}",
            )
        )
        log(f"threshold: {rows[-1]}")
    return rows


if __name__ == "__main__":
    main()
