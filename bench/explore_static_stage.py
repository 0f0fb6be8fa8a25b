"""Exploration for issue 14: a static-embedding stage for check-worthiness.

What shipped from it is a variant, the word stage (claims.extraction.learned.rescoring.WordStage,
fitted by stage_inputs.fit_word_stage): the sentence's token vectors are summed and divided by
sqrt(pieces) instead of averaged and normalised, which makes the stage linear in the tokens,
so the model file holds one weight per token and run time needs no vector table (this
script's normalised mean needs the 23 MB table; grouped CV stacked with the sentence stage:
0.676 for it, 0.679 for the shipped pooling).

Run from the project root: ``.venv/bin/python bench/explore_static_stage.py [--cache DIR]``
(about 10 minutes on 2 cores; development requirements). Prints a Markdown table of grouped
cross-validation F1 on CT24 train (the shipped folds: by election), nothing else: no model is
written and dev/dev-test are never read.

What it measures, each on the first stage's out-of-fold logits as the shipped training
computes them (claims.extraction.learned.training.train):

- the shipped second stage: the MiniLM sentence encoder on a band of at most 5 % of sentences,
  and the same band widened (the speed budget of extraction is what caps it);
- a static stage: every vocabulary token run through the shipped MiniLM alone
  ("[CLS] token [SEP]", the mean of its three outputs), a sentence's vector the mean of its
  tokens' vectors (about 0.13 ms per sentence, so every sentence can have one), fitted as a
  second stage by rescoring_training.fit_rescoring on every sentence, then with the MiniLM band
  stacked on it;
- the static vectors reduced by PCA, which would make the table small enough to ship.

`--cache DIR` keeps the token table, the sentences' MiniLM vectors and the first-stage logits
between runs (use /tmp, never the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction.learned import training  # noqa: E402
from claims.extraction.learned.rescoring_training import f1_at, fit_rescoring  # noqa: E402
from claims.semantic.encoder import load_encoder, model_files  # noqa: E402

TRAIN = ROOT / "bench" / "data" / "checkworthiness" / "CT24_checkworthy_english_train.tsv"


def first_stage(cache: Path | None) -> tuple[list[str], np.ndarray, np.ndarray, list[list[int]]]:
    """(texts, calibrated out-of-fold first-stage logits, labels, folds) from the shipped
    training, stopped where it would fit the second stage."""
    path = cache / "first_stage.npz" if cache else None
    if path is not None and path.is_file():
        saved = np.load(path, allow_pickle=False)
        fold_of = saved["fold_of"]
        folds = [np.flatnonzero(fold_of == k).tolist() for k in range(int(fold_of.max()) + 1)]
        return saved["texts"].tolist(), saved["logits"], saved["labels"], folds
    captured = {}

    def capture(texts, stage1_logits, labels, folds, config, *, encoder, log=print):
        captured["value"] = (
            list(texts),
            np.asarray(stage1_logits, dtype=float),
            np.asarray(labels, dtype=float),
            [list(fold) for fold in folds],
        )
        return None

    # The first stage's out-of-fold logits, as the sentence stage receives them when there is
    # no word stage (this script explores what stands in for both).
    shipped = training.fit_rescoring
    training.fit_rescoring = capture
    try:
        config = training.TrainingConfig(word_stage=False)
        training.train(TRAIN, config=config, encoder=object(), log=lambda line: None)
    finally:
        training.fit_rescoring = shipped
    texts, logits, labels, folds = captured["value"]
    if path is not None:
        fold_of = np.zeros(len(texts), dtype=np.int64)
        for k, fold in enumerate(folds):
            fold_of[fold] = k
        np.savez(path, texts=np.asarray(texts), logits=logits, labels=labels, fold_of=fold_of)
    return texts, logits, labels, folds


def token_table(cache: Path | None, encoder) -> np.ndarray:
    """Each vocabulary token's MiniLM output, alone between [CLS] and [SEP] (mean of three)."""
    path = cache / "token_table.npy" if cache else None
    if path is not None and path.is_file():
        return np.load(path)
    session, inputs = encoder._session, encoder._inputs
    from tokenizers import Tokenizer

    size = Tokenizer.from_file(str(model_files().tokenizer)).get_vocab_size()
    table = np.zeros((size, encoder.dimension), dtype=np.float32)
    cls, sep = 101, 102
    for start in range(0, size, 512):
        ids = np.arange(start, min(size, start + 512))
        batch = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], axis=1)
        feeds = {"input_ids": batch.astype(np.int64), "attention_mask": np.ones_like(batch)}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(batch)
        table[ids] = session.run(None, feeds)[0].mean(axis=1)
    if path is not None:
        np.save(path, table)
    return table


class StaticEncoder:
    """Sentence vectors from the token table: the mean of the sentence's tokens' rows."""

    model_id = "static"

    def __init__(self, table: np.ndarray) -> None:
        from tokenizers import Tokenizer

        self.table = table
        self.tokenizer = Tokenizer.from_file(str(model_files().tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def encode(self, texts) -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(list(texts), False)):
            if encoding.ids:
                out[i] = self.table[encoding.ids].mean(axis=0)
        return out / np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-9, None)


class Fixed:
    """An encoder-like object that hands back vectors computed once for the training texts."""

    def __init__(self, model_id: str, vectors: np.ndarray) -> None:
        self.model_id, self.vectors = model_id, vectors

    def encode(self, texts) -> np.ndarray:
        return self.vectors


def stage(texts, logits, labels, folds, encoder, share: float, c: float = 1.0):
    """A second stage fitted as the shipped one is; (F1 at its threshold, band share, its
    out-of-fold logits)."""
    config = training.TrainingConfig(max_band_share=share, rescoring_c=c)
    fitted = fit_rescoring(texts, logits, labels, folds, config, encoder=encoder, log=lambda s: 0)
    p = np.clip(np.asarray(fitted.oof_probabilities, dtype=float), 1e-6, 1 - 1e-6)
    f1 = f1_at(p, labels, fitted.threshold)
    return f1, fitted.report["band_share_of_training_sentences"], np.log(p / (1 - p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="Keep intermediate arrays here (use /tmp).")
    args = parser.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    texts, logits, labels, folds = first_stage(args.cache)
    encoder = load_encoder()
    if encoder is None:
        sys.exit("The sentence encoder did not load: install requirements.txt.")
    minilm_path = args.cache / "minilm.npy" if args.cache else None
    if minilm_path is not None and minilm_path.is_file():
        minilm_vectors = np.load(minilm_path)
    else:
        minilm_vectors = encoder.encode(texts)
        if minilm_path is not None:
            np.save(minilm_path, minilm_vectors)
    minilm = Fixed(encoder.model_id, minilm_vectors)
    table = token_table(args.cache, encoder)
    static = StaticEncoder(table)
    clock = time.process_time()
    static_vectors = static.encode(texts)
    per_sentence_ms = 1000 * (time.process_time() - clock) / len(texts)

    first = 1 / (1 + np.exp(-logits))
    best = training.best_f1_threshold(first.tolist(), labels.astype(int).tolist())[1]
    rows = [("first stage alone (n-grams, rules, desk policy)", "-", best)]
    for share in (0.05, 0.10, 0.20, 0.30):
        f1, used, _ = stage(texts, logits, labels, folds, minilm, share)
        rows.append((f"MiniLM band, at most {share:.0%} of sentences", f"{used:.1%}", f1))
    for c in (1.0, 10.0):
        f1, used, static_logits = stage(
            texts, logits, labels, folds, Fixed("static", static_vectors), 1.0, c
        )
        rows.append((f"static stage (C={c:g})", f"{used:.1%}", f1))
    for share in (0.05, 0.10):
        f1, used, _ = stage(texts, static_logits, labels, folds, minilm, share)
        name = f"static stage (C=10), then the MiniLM band at most {share:.0%}"
        rows.append((name, f"{used:.1%}", f1))
    centred = table - table.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    for dims in (64, 128):
        reduced = StaticEncoder(centred @ components[:dims].T).encode(texts)
        f1, used, _ = stage(texts, logits, labels, folds, Fixed("pca", reduced), 1.0, 10.0)
        rows.append((f"static stage on {dims} PCA dimensions (C=10)", f"{used:.1%}", f1))

    print("| second stage | sentences in its band | grouped CV F1 |")
    print("|---|---|---|")
    for name, used, f1 in rows:
        print(f"| {name} | {used} | {f1:.4f} |")
    print(
        f"\nStatic vectors: {per_sentence_ms:.2f} ms of CPU per sentence; token table "
        f"{table.shape[0]:,} x {table.shape[1]} ({table.nbytes / 2**20:.0f} MB as float32). "
        f"Ran in {time.monotonic() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
