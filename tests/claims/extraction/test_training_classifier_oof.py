"""Training stacks the fine-tuned classifier on its out-of-fold logits, and only on the
training file they were computed for."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from claims.extraction.learned.ct24 import read_ct24
from claims.extraction.learned.stage_inputs import OutOfFoldLogits
from claims.extraction.learned.training import TrainingConfig


def _files(tmp_path: Path) -> tuple[Path, Path]:
    train = tmp_path / "train.tsv"
    train.write_text(
        "Sentence_id\tText\tclass_label\n"
        "7\tUnemployment fell to 4 per cent.\tYes\n"
        "3\tThank you all for coming.\tNo\n",
        encoding="utf-8",
    )
    oof = tmp_path / "oof.json.gz"
    with gzip.open(oof, "wt", encoding="utf-8") as f:
        json.dump(
            {
                "format": OutOfFoldLogits.FORMAT,
                "train_sha256": hashlib.sha256(train.read_bytes()).hexdigest(),
                "logits": {"3": -2.5, "7": 1.75},
            },
            f,
        )
    return train, oof


def test_out_of_fold_logits_are_read_by_sentence_id(tmp_path: Path) -> None:
    train, oof = _files(tmp_path)
    data = read_ct24(train)
    logits = OutOfFoldLogits.read(oof, train, data, "classifier-x")
    assert logits.model_id == "classifier-x"
    assert logits.encode(data.texts).tolist() == [[1.75], [-2.5]]
    with pytest.raises(ValueError, match="training sentences only"):
        logits.encode(["Some other sentence."])


def test_out_of_fold_logits_of_another_training_file_are_refused(tmp_path: Path) -> None:
    train, oof = _files(tmp_path)
    data = read_ct24(train)
    train.write_text(train.read_text(encoding="utf-8") + "9\tA new line.\tNo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="another training file"):
        OutOfFoldLogits.read(oof, train, data, "classifier-x")


def test_the_training_script_writes_what_the_service_reads() -> None:
    """bench/finetune_checkworthiness.py cannot import claims.extraction (its training
    environment lacks the service's requirements), so it repeats the names; they must agree."""
    from bench import finetune_checkworthiness as script
    from claims.extraction.learned import CLASSIFIER_OOF_PATH
    from claims.semantic.encoder import CLASSIFIER_MAX_TOKENS, CLASSIFIER_PATH

    assert script.OUT / script.OOF_FILE == CLASSIFIER_OOF_PATH
    assert script.OOF_FORMAT == OutOfFoldLogits.FORMAT
    assert script.OUT / script.MODEL_FILE == CLASSIFIER_PATH
    assert script.MAX_TOKENS == CLASSIFIER_MAX_TOKENS
    assert TrainingConfig().folds == script.FOLDS


def test_the_shipped_seed_is_rebuilt_from_the_committed_files(tmp_path: Path, monkeypatch) -> None:
    """What a run adding a second seed starts from (bench/finetune_checkworthiness.py
    --from-shipped): seed 0's fold logits and model rebuilt from the committed files. Collected
    and merged alone, they give back the committed out-of-fold logits and the shipped model."""
    from bench import finetune_checkworthiness as script
    from claims.semantic.encoder import CLASSIFIER_SHA256

    assert script.SEEDS == (0,)
    monkeypatch.setattr(script, "WORK", tmp_path / "work")
    ids, texts, labels = script.read_train(script.TRAIN)
    folds = script.folds_of(ids, texts)
    script.from_shipped(ids, folds)
    assert {p.name for p in (tmp_path / "work" / "seed0").iterdir()} == {
        *(f"fold{k}-epoch{script.EPOCHS}.npy" for k in range(script.FOLDS)),
        "classifier-int8.onnx",
        script.INT8_CHECK,
    }
    committed = script.OUT
    monkeypatch.setattr(script, "OUT", tmp_path / "out")
    script.OUT.mkdir()
    script.collect(ids, labels, folds)
    script.merge(texts)
    with gzip.open(committed / script.OOF_FILE, "rt", encoding="utf-8") as f:
        before = json.load(f)
    with gzip.open(script.OUT / script.OOF_FILE, "rt", encoding="utf-8") as f:
        after = json.load(f)
    assert after["logits"] == before["logits"]
    assert after["best_f1_pooled"] == before["best_f1_pooled"]
    model = script.OUT / script.MODEL_FILE
    assert hashlib.sha256(model.read_bytes()).hexdigest() == CLASSIFIER_SHA256
    record = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
    assert record["seeds"] == [0] and record["sha256"] == CLASSIFIER_SHA256
