"""Embedding rows looked up before they are dequantised: the same outputs bit for bit, for
each of the three models the service loads (claims.semantic.onnx_graph)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claims.semantic import encoder as encoder_module
from claims.semantic.encoder import (
    CLASSIFIER_MAX_TOKENS,
    CLASSIFIER_PATH,
    CLASSIFIER_SHA256,
    CROSS_MAX_TOKENS,
    CROSS_PATH,
    CROSS_SHA256,
    MODEL_SHA256,
    Classifier,
    Encoder,
    ModelFiles,
    PairScorer,
    model_files,
)
from claims.semantic.onnx_graph import gather_before_dequantising, model_proto_class

TEXTS = [
    "Allied forces provided ships to the Soviet Union for the 1945 landing.",
    "About 20,000 islanders live on the four islands today.",
    "Does Joe Biden own the biggest house in Delaware?",
    "ok",
    # Long enough to be cut at every model's token limit, and a rare word or two.
    " ".join(["The Kuril archipelago's Iturup, Kunashir and Shikotan"] * 30),
]


def _files(path: Path) -> ModelFiles:
    return ModelFiles(model=path, tokenizer=model_files().tokenizer)


def _base() -> Encoder:
    return Encoder(model_files())


def _classifier() -> Classifier:
    return Classifier(
        _files(CLASSIFIER_PATH),
        model_id="classifier",
        expected_sha256=CLASSIFIER_SHA256,
        max_tokens=CLASSIFIER_MAX_TOKENS,
    )


def _cross() -> PairScorer:
    return PairScorer(
        _files(CROSS_PATH),
        model_id="cross",
        expected_sha256=CROSS_SHA256,
        max_tokens=CROSS_MAX_TOKENS,
    )


def _outputs(model: Encoder) -> np.ndarray:
    if isinstance(model, PairScorer):
        return np.asarray(model.score(TEXTS[0], TEXTS), dtype=np.float32)
    # One at a time and in one batch: padding must not change a bit either.
    alone = np.concatenate([model.encode([text]) for text in TEXTS])
    return np.concatenate([alone, model.encode(TEXTS)])


@pytest.mark.parametrize("build", [_base, _classifier, _cross], ids=["base", "classifier", "cross"])
def test_outputs_are_those_of_the_file_as_it_is(build, monkeypatch: pytest.MonkeyPatch) -> None:
    rewritten = _outputs(build())
    # The reference: the same pipeline on the graph exactly as the file holds it.
    monkeypatch.setattr(encoder_module, "gather_before_dequantising", lambda model: (model, 0))
    as_shipped = _outputs(build())
    assert rewritten.shape == as_shipped.shape
    assert rewritten.tobytes() == as_shipped.tobytes()


@pytest.mark.parametrize(
    ("path", "sha256"),
    [
        (None, MODEL_SHA256),
        (CLASSIFIER_PATH, CLASSIFIER_SHA256),
        (CROSS_PATH, CROSS_SHA256),
    ],
    ids=["base", "classifier", "cross"],
)
def test_both_tables_are_looked_up_as_int8_and_nothing_else_changes(
    path: Path | None, sha256: str
) -> None:
    original = (path or model_files().model).read_bytes()
    rewritten, count = gather_before_dequantising(original)
    assert count == 2  # the word and the position tables (token types are 2 rows of floats)

    model = model_proto_class().FromString(rewritten)
    initializers = {t.name for t in model.graph.initializer}
    nodes = list(model.graph.node)
    producer = {out: node for node in nodes for out in node.output}
    late = [n for n in nodes if n.op_type == "Cast" and n.name.endswith("late_dequantise/cast")]
    assert len(late) == 2
    lookups = [producer[n.input[0]] for n in late]
    assert [n.op_type for n in lookups] == ["Gather", "Gather"]
    tables = {n.input[0] for n in lookups}
    assert tables <= initializers
    # Nothing dequantises a whole table any more (the linear layers' Casts stay: folded at
    # load, as before).
    assert not [n for n in nodes if n.op_type == "Cast" and n.input[0] in tables]

    before = model_proto_class().FromString(original)
    # Every other node is there as it was (same order, same bytes), and so is everything
    # outside the node list (initializers, inputs, outputs, opsets), whose bytes are unknown
    # fields here.
    kept = [n.SerializeToString() for n in nodes if "late_dequantise" not in n.name]
    dropped = len(before.graph.node) - len(kept)
    assert dropped == 2 * 3  # each table's Gather, Mul and Cast
    assert set(kept) <= {n.SerializeToString() for n in before.graph.node}
    del before.graph.node[:]
    del model.graph.node[:]
    assert model.SerializeToString() == before.SerializeToString()


def test_a_rewritten_model_is_left_as_it_is() -> None:
    once, _ = gather_before_dequantising(CROSS_PATH.read_bytes())
    again, count = gather_before_dequantising(once)
    assert count == 0
    assert again is once
