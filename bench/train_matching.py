"""Trains the claim-matching reranker's artifacts (claims/semantic/data/) on CLEF 2020 TRAIN.

Run from the project root: ``.venv/bin/python bench/train_matching.py [--cache DIR]``. Reads
../shared/corpus/claim-matching/clef2020-t2/ (the verified claims and the TRAIN split only:
this script never opens dev) and writes, deterministically (since 2026-12-06 whatever the
process's PYTHONHASHSEED: the lexical features sum over word sets with math.fsum; before, the
last bits of those sums followed the set order, and two runs could choose different orderer
settings within about 0.001 of train CV MAP@5 of each other; the shipped orderer comes from
one such run, and `--keep-orderer` keeps it; idf.json and adapter.npy come out of a run now
bit for bit as shipped, and reranker.json was written by `--keep-orderer` with this code):

- claims/semantic/data/idf.json: word and stem document frequencies over the 10,375 claims;
- claims/semantic/data/adapter.npy: the cosine adapter, trained on all 800 train tweets;
- claims/semantic/data/reranker.json: the logistic regression (C and interactions chosen by
  5-fold cross-validation grouped by tweet, maximising MAP@5), each weight held to the sign
  F.FEATURE_SIGNS gives it (since 2026-12-06: more alike on a signal never lowers the match
  probability; train CV MAP@5 0.9093 -> 0.9126);
- claims/semantic/data/orderer.json: the regression that orders one look-up's candidates
  (FEATURE_NAMES and claims.semantic.features.listwise_features; kinds and C by the same CV;
  its weights are free: bounded like the reranker's, the listwise columns added nothing
  (train CV 0.9117 at best with them, 0.9126 without) and the cross-encoder stage on that
  orderer's lists reached 0.9240, against 0.9261 for the shipped orderer's).
  `--keep-orderer` leaves it (and its record in training.json) as it is: the shipped one
  comes from a run before the fsum change and the cross-encoder stage was fitted on its
  out-of-fold lists;
- claims/semantic/data/training.json: what was chosen and the train cross-validation figures
  (bench/eval_matching.py puts them in MATCHING.md);
- claims/semantic/data/manifest.json: the sha256 of each artifact (checked on load).

Cross-fitting: the adapted cosine of a train tweet is always computed with an adapter that
did not see that tweet (trained on the other 4 folds), both for the cross-validation figures
and for the rows the final regression is fitted on, so the regression weighs the adapter as it
behaves on new queries. Then the final adapter is trained on all train tweets.

The encoder is the claim-matching one (claims.semantic.encoder.load_matching_encoder). An
encoder that was itself trained on these train tweets (bench/finetune_encoder.py) gives them
optimistic vectors, so for it the cross-validation reads, with `--fold-vectors DIR`, the
vectors that bench/finetune_encoder.py --cv wrote for each fold: fold k's model (fine-tuned on
the other 4 folds) encodes the collection and every train tweet; fold k's adapter is trained on
its training tweets' vectors and the held-out tweets' candidates and features come from the
same model, as a shipped adapter and reranker would meet new tweets. Whether the adapter helps
is chosen the same way (train CV MAP@5; ties go to no adapter). `--oof-out FILE` writes each
tweet's out-of-fold AP@5, to compare two encoders tweet by tweet (bench/MATCHING.md).

`--cache DIR` keeps the encoder's vectors there between runs (use /tmp, never the repo).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.eval_matching import (  # noqa: E402
    DATA,
    best_unchecked,
    candidate_recall,
    encode_cached,
    guard_same,
    load_split,
    measures_from_lists,
    read_collection,
)
from claims.semantic import features as F  # noqa: E402
from claims.semantic.encoder import MATCHING_MODEL_ID  # noqa: E402
from claims.semantic.ranking import (  # noqa: E402
    CANDIDATES_PER_SIGNAL,
    MATCH_THRESHOLD,
    SAME_CLAIM_THRESHOLD,
    LexicalIndex,
    candidates,
)

OUT = ROOT / "claims" / "semantic" / "data"
FOLDS = 5
CANDIDATE_GRID = (20, 30, 50, 100, 200)
RECALL_TARGET = 0.99
# Adapter: softmax over each tweet's relevant claims and its ADAPTER_NEGATIVES nearest others,
# temperature ADAPTER_TAU, L2 penalty ADAPTER_L2 on A, Adam for ADAPTER_STEPS steps. Chosen by
# 5-fold CV on train, encoder-only MAP@5 (0.8140 without the adapter): L2 0.003: 0.8347,
# 0.01: 0.8498, 0.03: 0.8479, 0.1: 0.8416; tau 0.1 (L2 0.01): 0.8293; 100 and 300 steps tied.
ADAPTER_NEGATIVES = 256
ADAPTER_TAU = 0.05
ADAPTER_L2 = 0.01
ADAPTER_STEPS = 150
ADAPTER_LR = 0.005
C_GRID = (0.1, 1.0, 10.0)
# The orderer's listwise kinds tried (F.LISTWISE_KINDS), with C from C_GRID.
ORDER_KINDS_GRID = (
    (),
    ("gap",),
    ("rank",),
    ("gap", "rank"),
    ("standard", "rank"),
    ("gap", "standard", "rank"),
)
PRECISION_TARGET = 0.9
# Thresholds at which training.json records the two rates of choose_same_claim_threshold().
MATCH_THRESHOLD_GRID_REPORT = (0.016, 0.027, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
# --lists-out: how many of each tweet's ordered candidates are written.
LIST_DEPTH = 30
LISTS_FORMAT = "claimtracker.matching-lists/1"


def train_adapter(queries: np.ndarray, docs: np.ndarray, relevant: list[list[int]]) -> np.ndarray:
    """A (d x d) such that q . (I + A) . c ranks each query's relevant claims first."""
    dim = docs.shape[1]
    near = np.argpartition(-(queries @ docs.T), ADAPTER_NEGATIVES, axis=1)[:, :ADAPTER_NEGATIVES]
    rows = []
    for i, rel in enumerate(relevant):
        others = [int(j) for j in sorted(near[i]) if int(j) not in rel]
        rows.append((rel + others)[:ADAPTER_NEGATIVES])
    cand = np.asarray(rows)
    target = np.zeros(cand.shape, dtype=np.float32)
    for i, rel in enumerate(relevant):
        target[i, : len(rel)] = 1.0 / len(rel)
    cand_vectors = docs[cand]
    a = np.zeros((dim, dim), dtype=np.float32)
    m, v = np.zeros_like(a), np.zeros_like(a)
    for t in range(1, ADAPTER_STEPS + 1):
        s = np.einsum("nd,nkd->nk", queries + queries @ a, cand_vectors) / ADAPTER_TAU
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        pulled = np.einsum("nk,nkd->nd", target - p, cand_vectors)
        grad = -(queries.T @ pulled) / ADAPTER_TAU / len(queries) + ADAPTER_L2 * a
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        a -= ADAPTER_LR * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return a.astype(np.float32)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, c: float, signs: Sequence[int] | None = None
) -> dict:
    """L2-regularised logistic regression on standardised columns (scikit-learn's objective:
    C x the summed log loss + half the squared weights). `signs` (one per column, as
    F.FEATURE_SIGNS): +1 bounds a weight at zero or above, -1 at zero or below, 0 leaves it
    free; fitted by L-BFGS-B on that same objective."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    if signs is None:
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=c, max_iter=5000).fit(z, y)
        coef, intercept = model.coef_[0], float(model.intercept_[0])
    else:
        coef, intercept = _fit_bounded(z, y.astype(np.float64), c, signs)
    return {
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": coef.tolist(),
        "intercept": intercept,
    }


def _fit_bounded(
    z: np.ndarray, y: np.ndarray, c: float, signs: Sequence[int]
) -> tuple[np.ndarray, float]:
    from scipy.optimize import minimize

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = z @ theta[:-1] + theta[-1]
        loss = np.logaddexp(0.0, margin) - y * margin
        residual = 0.5 * (1.0 + np.tanh(0.5 * margin)) - y  # sigmoid(margin) - y, no overflow
        gradient = np.append(c * (z.T @ residual) + theta[:-1], c * residual.sum())
        return c * loss.sum() + 0.5 * theta[:-1] @ theta[:-1], gradient

    bounds = [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs]
    fit = minimize(
        objective,
        np.zeros(z.shape[1] + 1),
        jac=True,
        method="L-BFGS-B",
        bounds=[*bounds, (None, None)],
        options={"maxiter": 20000, "maxfun": 40000},
    )
    if not fit.success:
        sys.exit(f"The bounded regression did not converge: {fit.message}")
    return fit.x[:-1], float(fit.x[-1])


def apply_logistic(x: np.ndarray, model: dict) -> np.ndarray:
    z = ((x - np.asarray(model["mean"])) / np.asarray(model["scale"])) @ np.asarray(
        model["coef"]
    ) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def ranked_lists(qrows: np.ndarray, docs: np.ndarray, scores: np.ndarray, n: int):
    lists = []
    for q in range(n):
        mask = qrows == q
        d, s = docs[mask], scores[mask]
        order = np.lexsort((d, -s))
        lists.append((d[order].tolist(), s[order].tolist()))
    return lists


def choose_threshold(top_scores: np.ndarray, top_correct: np.ndarray) -> float:
    """Smallest top-1 score t with precision >= PRECISION_TARGET among queries scoring >= t,
    at t and every higher threshold (rounded up to 3 decimals)."""
    order = np.argsort(-top_scores, kind="stable")
    precision = np.cumsum(top_correct[order]) / np.arange(1, len(order) + 1)
    ok = precision >= PRECISION_TARGET
    # the longest prefix (highest scores first) whose every precision is on target
    bad = np.flatnonzero(~ok)
    cut = bad[0] if len(bad) else len(order)
    # the threshold is the lowest score kept, and everything at or above it stays on target
    t = float(top_scores[order][cut - 1]) if cut > 0 else 1.0
    return float(np.ceil(t * 1000) / 1000)


def choose_same_claim_threshold(
    top_scores: np.ndarray, top_correct: np.ndarray, unchecked_top: np.ndarray
) -> tuple[float, dict]:
    """The t maximising (share of queries whose top candidate is right and scores >= t) -
    (share of queries whose best wrong candidate scores >= t when their claim is left out):
    a missed repeat and a false "checked before" weigh the same. Ties to the smaller t;
    rounded up to 3 decimals. Also the curve at a few thresholds, for the record."""
    right = top_correct.astype(bool)

    def rates(t: float) -> tuple[float, float]:
        return float(np.mean(right & (top_scores >= t))), float(np.mean(unchecked_top >= t))

    # The rates change only at the scores themselves (>= t counts a score equal to t), so the
    # best t is one of them or the next step up (just above a false alarm's score).
    scores = np.ceil(np.concatenate([top_scores, unchecked_top]) * 1000) / 1000
    grid = np.unique(np.round(np.concatenate([scores, scores + 0.001]), 3))
    gains = [rates(t)[0] - rates(t)[1] for t in grid]
    best = float(grid[int(np.argmax(gains))])
    curve = {}
    for t in (*MATCH_THRESHOLD_GRID_REPORT, best):
        shown, false_alarm = rates(t)
        curve[f"{t:g}"] = {"right_shown": round(shown, 4), "false_alarm": round(false_alarm, 4)}
    return best, curve


def write_lists(path: Path, lists, query_ids, doc_ids, fold_of, relevant) -> None:
    """Each train tweet's out-of-fold order (top LIST_DEPTH claims by the orderer fitted
    without its fold), by CLEF ids: see --lists-out."""
    document = {
        "format": LISTS_FORMAT,
        "split": "train",
        "folds": FOLDS,
        "queries": [
            {
                "id": query_ids[q],
                "fold": int(fold_of[q]),
                "relevant": [doc_ids[d] for d in relevant[q]],
                "candidates": [doc_ids[d] for d in docs[:LIST_DEPTH]],
                "order": [round(float(s), 6) for s in scores[:LIST_DEPTH]],
            }
            for q, (docs, scores) in enumerate(lists)
        ],
    }
    path.write_text(json.dumps(document) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="Keep encoder vectors here (use /tmp).")
    parser.add_argument(
        "--fold-vectors",
        type=Path,
        help="Per-fold vectors from bench/finetune_encoder.py --cv (fold{k}-collection.npy, "
        "fold{k}-train.npy): the cross-validation then uses them (see the docstring).",
    )
    parser.add_argument(
        "--oof-out",
        type=Path,
        help="Also write each train tweet's out-of-fold AP@5 (the chosen configuration) here, "
        "as JSON, to compare two runs tweet by tweet.",
    )
    parser.add_argument(
        "--lists-out",
        type=Path,
        help="Also write each train tweet's out-of-fold ordered candidates (the chosen "
        "orderer's top LIST_DEPTH with their scores), its fold and its relevant claims, as "
        "JSON: what bench/finetune_crossencoder.py trains and cross-fits on.",
    )
    parser.add_argument(
        "--keep-orderer",
        action="store_true",
        help="Leave orderer.json and its record in training.json as they are (the shipped "
        "cross-encoder stage was fitted on that orderer's out-of-fold lists); its grid is "
        "not run. Not with --lists-out or --oof-out, which read the orderer's out-of-fold order.",
    )
    args = parser.parse_args()
    if args.keep_orderer and (args.lists_out or args.oof_out):
        parser.error("--keep-orderer writes no orderer: it cannot go with --lists-out or --oof-out")
    if not DATA.is_dir():
        sys.exit(f"{DATA} is missing: training needs the shared corpus.")
    from sklearn.model_selection import GroupKFold

    started = time.perf_counter()
    doc_ids, doc_texts = read_collection()
    query_ids, query_texts, qrels = load_split("train")
    doc_vectors = encode_cached(doc_texts, args.cache, "collection")
    query_vectors = encode_cached(query_texts, args.cache, "train")
    position = {d: i for i, d in enumerate(doc_ids)}
    relevant = [sorted(position[d] for d in qrels[q]) for q in query_ids]

    # 1. IDF table: document frequencies over the collection (no labels).
    word_df: dict[str, int] = {}
    stem_df: dict[str, int] = {}
    lengths = []
    for text in doc_texts:
        ws = F.words(text)
        lengths.append(len(ws))
        for w in set(ws):
            word_df[w] = word_df.get(w, 0) + 1
        for s in {w[: F.STEM_LENGTH] for w in ws}:
            stem_df[s] = stem_df.get(s, 0) + 1
    idf_table = {
        "source": "CLEF CheckThat! 2020 task 2 v3.0 verified_claims.docs.tsv, vclaim + ' ' + "
        "title, through claims.semantic.ranking.prepare_text",
        "documents": len(doc_texts),
        "mean_length": round(float(np.mean(lengths)), 6),
        "word_df": dict(sorted(word_df.items())),
        "stem_df": dict(sorted(stem_df.items())),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / F.IDF_FILE).write_text(
        json.dumps(idf_table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )

    # 2. Candidates: recall of cosine top-N U trigram top-N on train. With fold vectors, each
    # held-out tweet is ranked by its fold's model (one that never saw it).
    folds = list(GroupKFold(n_splits=FOLDS).split(query_texts, groups=np.arange(len(query_ids))))
    spaces = [
        (
            np.load(args.fold_vectors / f"fold{k}-collection.npy"),
            np.load(args.fold_vectors / f"fold{k}-train.npy"),
        )
        if args.fold_vectors
        else (doc_vectors, query_vectors)
        for k in range(FOLDS)
    ]
    lexical = LexicalIndex(doc_texts)
    lex = np.stack([lexical.scores(t) for t in query_texts])
    cos = np.zeros((len(query_ids), len(doc_texts)), dtype=np.float32)
    for k, (_, held) in enumerate(folds):
        cos[held] = spaces[k][1][held] @ spaces[k][0].T
    recall = {n: candidate_recall(cos, lex, relevant, n) for n in CANDIDATE_GRID}
    per_signal = next((n for n in CANDIDATE_GRID if recall[n] >= RECALL_TARGET), 200)

    # 3. Candidate rows and their features, the adapted cosine cross-fitted by fold.
    base = F.Artifacts(
        word_idf={w: F.idf_from_counts(df, len(doc_texts)) for w, df in word_df.items()},
        stem_idf={s: F.idf_from_counts(df, len(doc_texts)) for s, df in stem_df.items()},
        unseen_idf=F.idf_from_counts(0, len(doc_texts)),
        mean_length=idf_table["mean_length"],
        adapter=np.zeros((doc_vectors.shape[1],) * 2, dtype=np.float32),
        mean=np.zeros(0),
        scale=np.zeros(0),
        coef=np.zeros(0),
        intercept=0.0,
        interactions=False,
        orderer=None,
    )
    q_rows, d_rows, y, x = [], [], [], []
    fold_of = np.zeros(len(query_ids), dtype=int)
    for k, (fit, held) in enumerate(folds):
        fold_of[held] = k
        docs_k, queries_k = spaces[k]
        adapter = train_adapter(queries_k[fit], docs_k, [relevant[i] for i in fit])
        art = F.Artifacts(**{**base.__dict__, "adapter": adapter})
        for q in held:
            rows = candidates(cos[q], lex[q], per_signal)
            feats = F.pair_features(
                query_texts[q],
                queries_k[q],
                [doc_texts[i] for i in rows],
                docs_k[rows],
                art,
            )
            q_rows += [q] * len(rows)
            d_rows += rows.tolist()
            y += [int(i in relevant[q]) for i in rows]
            x.append(feats)
    q_rows, d_rows, y, x = np.asarray(q_rows), np.asarray(d_rows), np.asarray(y), np.vstack(x)
    row_fold = fold_of[q_rows]

    def cv_columns(
        xs: np.ndarray, c: float, signs: Sequence[int] | None = None
    ) -> tuple[dict, np.ndarray]:
        oof = np.zeros(len(y))
        for k in range(FOLDS):
            model = fit_logistic(xs[row_fold != k], y[row_fold != k], c, signs)
            oof[row_fold == k] = apply_logistic(xs[row_fold == k], model)
        lists = ranked_lists(q_rows, d_rows, oof, len(query_ids))
        return measures_from_lists([d for d, _ in lists], relevant), oof

    def reranker_signs(columns: list[int] | None, interactions: bool) -> list[int] | None:
        """F.FEATURE_SIGNS for these columns; products of columns (interactions) stay free."""
        if interactions:
            return None
        return [F.FEATURE_SIGNS[i] for i in (columns or range(len(F.FEATURE_NAMES)))]

    def cv(columns: list[int] | None, c: float, interactions: bool) -> tuple[dict, np.ndarray]:
        xs = F.design(x, interactions) if columns is None else x[:, columns]
        return cv_columns(xs, c, reranker_signs(columns, interactions))

    # The grid: C, interactions (with the adapter), and the adapter itself (without it the
    # adapted cosine's column gets weight 0 and the shipped adapter is zero).
    no_adapter = [i for i, name in enumerate(F.FEATURE_NAMES) if name != "adapted_cosine"]
    grid = {}
    for interactions in (False, True):
        for c in C_GRID:
            grid[(c, interactions, True)] = cv(None, c, interactions)
    for c in C_GRID:
        grid[(c, False, False)] = cv(no_adapter, c, False)
    # Ties go to the simpler model: without the adapter, then the smaller C.
    (best_c, best_inter, use_adapter), (best, oof) = max(
        grid.items(),
        key=lambda item: (round(item[1][0]["MAP@5"], 6), not item[0][2], -item[0][0]),
    )
    ablation = grid[(best_c, False, False)][0]
    adapter_only, _ = cv([F.FEATURE_NAMES.index("adapted_cosine")], best_c, False)

    # 4. The orderer: FEATURE_NAMES and the listwise kinds (F.listwise_features over each
    # tweet's candidates), kinds and C chosen by the same cross-validation; ties go to fewer
    # kinds, then the smaller C. Without the adapter, the shipped adapter is zero, so the
    # adapted cosine the orderer meets is the cosine itself.
    pair_x = x.copy()
    if not use_adapter:
        pair_x[:, F.FEATURE_NAMES.index("adapted_cosine")] = pair_x[:, 0]
    rows_of = [np.flatnonzero(q_rows == q) for q in range(len(query_ids))]

    def listwise(kinds: tuple[str, ...]) -> np.ndarray:
        out = np.zeros((len(y), pair_x.shape[1] * (1 + len(kinds))))
        for rows in rows_of:
            out[rows] = F.listwise_features(pair_x[rows], kinds)
        return out

    if args.keep_orderer:
        kept = json.loads((OUT / "training.json").read_text(encoding="utf-8"))
        orderer_record = {k: kept[k] for k in ("orderer_grid", "orderer_chosen", "cv")}
    else:
        order_grid = {}
        for kinds in ORDER_KINDS_GRID:
            lx = listwise(kinds)
            for c in C_GRID:
                order_grid[(kinds, c)] = cv_columns(lx, c)
        (order_kinds, order_c), (order_cv, order_oof) = max(
            order_grid.items(),
            key=lambda item: (round(item[1][0]["MAP@5"], 6), -len(item[0][0]), -item[0][1]),
        )
        orderer_record = {
            "orderer_grid": [
                {"kinds": list(kinds), "C": c, **{k: round(v, 4) for k, v in res[0].items()}}
                for (kinds, c), res in order_grid.items()
            ],
            "orderer_chosen": {"kinds": list(order_kinds), "C": order_c},
            "cv": {k: round(v, 4) for k, v in order_cv.items()},
        }

    # 5. Threshold from the chosen reranker's out-of-fold scores (it decides what a match is).
    lists = ranked_lists(q_rows, d_rows, oof, len(query_ids))
    top_scores = np.asarray([s[0] for _, s in lists])
    top_correct = np.asarray([float(d[0] in relevant[q]) for q, (d, _) in enumerate(lists)])
    threshold = choose_threshold(top_scores, top_correct)
    # The same-claim floor decides what is "checked before": a match the guard calls `same`
    # (claims.semantic.guard) at or above it. Right: the top candidate is the tweet's claim and
    # the guard calls it the same. False alarm: each tweet as if its claim had never been
    # checked: its best candidate the guard calls the same, other than its relevant claims
    # and copies of them (copy_key: the collection holds some twice, differing only in
    # quotation marks), out of fold.
    top_same = np.asarray(
        [
            float(correct and guard_same(query_texts[q], doc_texts[lists[q][0][0]]))
            for q, correct in enumerate(top_correct)
        ]
    )
    unchecked_top = np.zeros(len(query_ids))
    for q in range(len(query_ids)):
        rows = np.flatnonzero(q_rows == q)
        unchecked_top[q] = best_unchecked(
            oof[rows],
            [doc_texts[d] for d in d_rows[rows]],
            {doc_texts[d] for d in relevant[q]},
            query=query_texts[q],
        )
    same_threshold, same_curve = choose_same_claim_threshold(top_scores, top_same, unchecked_top)
    if args.oof_out:
        ordered = ranked_lists(q_rows, d_rows, order_oof, len(query_ids))
        ap5 = [
            measures_from_lists([d[:5]], [relevant[q]])["MAP@5"] for q, (d, _) in enumerate(ordered)
        ]
        args.oof_out.write_text(json.dumps(ap5) + "\n", encoding="utf-8")
    if args.lists_out:
        write_lists(
            args.lists_out,
            ranked_lists(q_rows, d_rows, order_oof, len(query_ids)),
            query_ids,
            doc_ids,
            fold_of,
            relevant,
        )
    above = top_scores >= threshold
    # 6. Final artifacts: adapter on all train tweets, regressions on all cross-fitted rows.
    if use_adapter:
        adapter = train_adapter(query_vectors, doc_vectors, relevant)
        model = fit_logistic(F.design(x, best_inter), y, best_c, reranker_signs(None, best_inter))
    else:
        # No adapter: A = 0 and the adapted cosine's column weighs nothing (standardised
        # with mean 0 and scale 1, so the shipped format and features.py stay as they are).
        adapter = np.zeros((doc_vectors.shape[1],) * 2, dtype=np.float32)
        model = fit_logistic(x[:, no_adapter], y, best_c, reranker_signs(no_adapter, False))
        column = F.FEATURE_NAMES.index("adapted_cosine")
        for key, value in (("mean", 0.0), ("scale", 1.0), ("coef", 0.0)):
            model[key] = [*model[key][:column], value, *model[key][column:]]
    np.save(OUT / F.ADAPTER_FILE, adapter, allow_pickle=False)
    model = {
        "features": list(F.FEATURE_NAMES),
        "interactions": best_inter,
        "C": best_c,
        **{
            k: ([round(v, 10) for v in val] if isinstance(val, list) else round(val, 10))
            for k, val in model.items()
        },
    }
    (OUT / F.RERANKER_FILE).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    if not args.keep_orderer:
        orderer = fit_logistic(listwise(order_kinds), y, order_c)
        orderer = {
            "features": list(F.FEATURE_NAMES),
            "kinds": list(order_kinds),
            "C": order_c,
            **{
                k: ([round(v, 10) for v in val] if isinstance(val, list) else round(val, 10))
                for k, val in orderer.items()
            },
        }
        (OUT / F.ORDERER_FILE).write_text(json.dumps(orderer, indent=1) + "\n", encoding="utf-8")

    training = {
        "split": "CLEF 2020 task 2 train (800 tweets), 5-fold GroupKFold by tweet",
        "candidate_recall": {str(n): round(r, 4) for n, r in recall.items()},
        "candidates_per_signal": per_signal,
        "encoder": MATCHING_MODEL_ID,
        "cv_vectors": (
            "per fold: the encoder fine-tuned without that fold (bench/finetune_encoder.py --cv)"
            if args.fold_vectors
            else "the shipped encoder"
        ),
        "grid": [
            {
                "C": c,
                "interactions": i,
                "adapter": a,
                **{k: round(v, 4) for k, v in res[0].items()},
            }
            for (c, i, a), res in grid.items()
        ],
        "chosen": {"C": best_c, "interactions": best_inter, "adapter": use_adapter},
        "cv_reranker": {k: round(v, 4) for k, v in best.items()},
        "reranker_signs": dict(zip(F.FEATURE_NAMES, F.FEATURE_SIGNS, strict=True)),
        **orderer_record,
        "cv_without_adapter": {k: round(v, 4) for k, v in ablation.items()},
        "cv_adapter_only": {k: round(v, 4) for k, v in adapter_only.items()},
        "match_threshold": threshold,
        "same_claim_threshold": same_threshold,
        "same_claim_curve": same_curve,
        "threshold_train_oof": {
            "precision": round(float(top_correct[above].mean()) if above.any() else 0.0, 4),
            "coverage": round(float(above.mean()), 4),
        },
        "adapter": {
            "negatives": ADAPTER_NEGATIVES,
            "tau": ADAPTER_TAU,
            "l2": ADAPTER_L2,
            "steps": ADAPTER_STEPS,
            "lr": ADAPTER_LR,
        },
    }
    (OUT / "training.json").write_text(json.dumps(training, indent=1) + "\n", encoding="utf-8")
    manifest = {
        "written_by": "bench/train_matching.py",
        "sha256": {
            n: sha256(OUT / n)
            for n in (F.IDF_FILE, F.ADAPTER_FILE, F.RERANKER_FILE, F.ORDERER_FILE)
        },
    }
    (OUT / F.MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    F.artifacts.cache_clear()
    print(json.dumps(training, indent=1))
    print(f"done in {time.perf_counter() - started:.0f} s")
    if per_signal != CANDIDATES_PER_SIGNAL:
        print(
            f"WARNING: train chooses {per_signal} candidates per signal; "
            f"claims/semantic/ranking.py has CANDIDATES_PER_SIGNAL = {CANDIDATES_PER_SIGNAL}"
        )
    if threshold != MATCH_THRESHOLD:
        print(
            f"WARNING: train chooses MATCH_THRESHOLD = {threshold}; "
            f"claims/semantic/ranking.py has {MATCH_THRESHOLD}"
        )
    if same_threshold != SAME_CLAIM_THRESHOLD:
        print(
            f"WARNING: train chooses SAME_CLAIM_THRESHOLD = {same_threshold}; "
            f"claims/semantic/ranking.py has {SAME_CLAIM_THRESHOLD}"
        )


if __name__ == "__main__":
    main()
