"""The reranker's shipped artifacts and pair features (claims.semantic.features)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from claims.semantic.encoder import DIMENSION
from claims.semantic.features import (
    ADAPTER_FILE,
    DATA_DIR,
    FEATURE_NAMES,
    IDF_FILE,
    LISTWISE_KINDS,
    MANIFEST_FILE,
    ORDERER_FILE,
    RERANKER_FILE,
    ArtifactError,
    analyse,
    artifacts,
    listwise_features,
    load_artifacts,
    pair_features,
)


def test_shipped_artifacts_load_with_the_expected_shapes() -> None:
    art = artifacts()
    assert art.adapter.shape == (DIMENSION, DIMENSION)
    assert art.adapter.dtype == np.float32
    width = len(FEATURE_NAMES) * (2 if art.interactions else 1) - (1 if art.interactions else 0)
    assert art.coef.shape == art.mean.shape == art.scale.shape == (width,)
    # The IDF table covers the CLEF collection's vocabulary: common words weigh little.
    assert len(art.word_idf) > 10_000
    assert art.word_idf["the"] < art.word_idf["vaccine"] < art.unseen_idf
    for name in (IDF_FILE, ADAPTER_FILE, RERANKER_FILE, ORDERER_FILE, MANIFEST_FILE):
        assert (DATA_DIR / name).stat().st_size < 2_000_000
    orderer = art.orderer
    assert set(orderer.kinds) <= set(LISTWISE_KINDS)
    width = len(FEATURE_NAMES) * (1 + len(orderer.kinds))
    assert orderer.coef.shape == orderer.mean.shape == orderer.scale.shape == (width,)


def test_a_changed_artifact_is_refused(tmp_path: Path) -> None:
    for name in (IDF_FILE, ADAPTER_FILE, RERANKER_FILE, ORDERER_FILE, MANIFEST_FILE):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    load_artifacts(tmp_path)  # the copies are fine
    orderer = json.loads((tmp_path / ORDERER_FILE).read_text())
    orderer["coef"][0] += 1.0
    (tmp_path / ORDERER_FILE).write_text(json.dumps(orderer))
    with pytest.raises(ArtifactError, match=r"orderer\.json differs from manifest\.json"):
        load_artifacts(tmp_path)
    shutil.copy(DATA_DIR / ORDERER_FILE, tmp_path / ORDERER_FILE)
    model = json.loads((tmp_path / RERANKER_FILE).read_text())
    model["intercept"] += 1.0
    (tmp_path / RERANKER_FILE).write_text(json.dumps(model))
    with pytest.raises(ArtifactError, match=r"differs from manifest\.json"):
        load_artifacts(tmp_path)
    (tmp_path / ADAPTER_FILE).unlink()
    with pytest.raises(ArtifactError, match="Cannot read the ranking artifacts"):
        load_artifacts(tmp_path)


def test_features_read_word_overlap_numbers_and_length() -> None:
    art = artifacts()
    vector = np.zeros(DIMENSION, dtype=np.float32)
    vector[0] = 1.0
    texts = [
        "Unemployment fell to 3.5 percent in 2019.",
        "Unemployment fell to 4.1 percent in 2018.",
        "A shark swam on a flooded highway.",
    ]
    rows = pair_features(
        "Unemployment fell to 3.5 percent in 2019 under Trump",
        vector,
        texts,
        np.tile(vector, (3, 1)),
        art,
    )
    col = {name: rows[:, i] for i, name in enumerate(FEATURE_NAMES)}
    assert rows.shape == (3, len(FEATURE_NAMES))
    np.testing.assert_allclose(col["cosine"], 1.0)
    assert col["idf_in_candidate"][0] == pytest.approx(1.0)
    assert col["idf_in_candidate"][0] > col["idf_in_candidate"][1] > col["idf_in_candidate"][2]
    assert col["numbers_in_query"].tolist() == [1.0, 0.0, 0.0]
    assert col["numbers_disagree"].tolist() == [0.0, 1.0, 0.0]
    assert col["bm25"][0] > col["bm25"][2] == 0.0
    assert col["length_ratio"][0] > 0


def test_analyse_joins_written_forms_of_a_figure() -> None:
    assert analyse("1,200 people").numbers == analyse("1200 people").numbers == {"1200"}


def test_listwise_features_set_each_column_against_the_other_candidates() -> None:
    # Three candidates of one look-up, two columns (say cosine and trigram).
    x = np.array([[0.9, 0.2], [0.5, 0.6], [0.5, 0.1]])
    out = listwise_features(x, ("gap", "standard", "rank"))
    assert out.shape == (3, 8)
    np.testing.assert_allclose(out[:, :2], x)  # the pair's own values come first
    np.testing.assert_allclose(out[:, 2:4], [[0.0, -0.4], [-0.4, 0.0], [-0.4, -0.5]])
    np.testing.assert_allclose(out[:, 4:6], (x - x.mean(axis=0)) / x.std(axis=0))
    # log(1 + rank), best first; the two 0.5 share the better rank.
    np.testing.assert_allclose(out[:, 6:8], np.log1p([[0, 1], [1, 0], [1, 2]]))
    # A lone candidate leads everything; equal candidates are all at the top.
    lone = listwise_features(np.array([[0.3, 0.1]]), ("gap", "standard", "rank"))
    np.testing.assert_allclose(lone[0, 2:], 0.0)
    assert listwise_features(x, ()).shape == (3, 2)
    assert listwise_features(np.zeros((0, 2)), LISTWISE_KINDS).shape == (0, 8)
    with pytest.raises(ValueError, match="unknown listwise kind"):
        listwise_features(x, ("median",))


_FEATURES_IN_A_FRESH_PROCESS = """
import sys
import numpy as np
from claims.semantic.features import artifacts, pair_features
rng = np.random.default_rng(0)
query = "Kuril islanders number about 20,000 according to the Russian census of 2021"
texts = [
    "About 20,000 islanders live on the four Kuril islands, the census says.",
    "The Kuril Islands were seized by Soviet forces in 1945 with ships the Allies provided.",
    "Japan claims the southern Kurils as its Northern Territories since the 1950s treaty talks.",
]
vectors = rng.standard_normal((4, 384)).astype(np.float32)
vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
sys.stdout.write(pair_features(query, vectors[0], texts, vectors[1:], artifacts()).tobytes().hex())
"""


def test_features_do_not_depend_on_the_process_string_hashing() -> None:
    # Word sets iterate in an order set by Python's per-process string hashing; the features
    # sum over them with math.fsum, so two processes (two web workers, two training runs) get
    # the same bits, and the same order for near-tied candidates.
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _FEATURES_IN_A_FRESH_PROCESS],
            check=True,
            capture_output=True,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert len(next(iter(outputs))) == 3 * len(FEATURE_NAMES) * 8 * 2  # float64, hex
