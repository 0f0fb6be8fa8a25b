"""What the later stages (``rescoring``) are fitted on: the word stage's pooled token vectors
(fitted over ``TrainingConfig.word_grid``) and the fine-tuned classifier's out-of-fold logits
for the sentence stage. Training only (numpy, scipy)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claims.extraction.learned.ct24 import Labelled, file_sha256
from claims.extraction.learned.rescoring_training import f1_at, fit_rescoring


class TokenVectors:
    """The word stage's input for fit_rescoring: the sum of each text's token vectors (the
    encoder's ``token_vectors`` of its word pieces, split per word as ``rescoring.WordStage``
    splits) divided by (number of pieces) ** ``power``."""

    def __init__(self, encoder: Any, texts: Sequence[str]) -> None:
        import numpy as np

        self.model_id = encoder.model_id
        words = sorted({w for t in texts for w in t.split()})
        self.pieces = dict(zip(words, encoder.word_pieces(words), strict=True))
        self.table = encoder.token_vectors(np.arange(encoder.vocabulary_size))
        self.power = 0.5

    def encode(self, texts: Sequence[str]):
        import numpy as np

        out = np.zeros((len(texts), self.table.shape[1]))
        for i, text in enumerate(texts):
            ids = [p for w in text.split() for p in self.pieces[w]]
            if ids:
                out[i] = self.table[ids].sum(axis=0) / len(ids) ** self.power
        return out

    def token_document(self, stage: dict[str, Any]) -> dict[str, Any]:
        """``stage`` (fit_rescoring's document) with its weights over the pooled vector turned
        into one weight per vocabulary token: weights . sum(v) == sum(weights . v). The
        weights stay in the file, so the token weights can be checked against the model."""
        import numpy as np

        document = dict(stage)
        weights = np.asarray(document["weights"], dtype=np.float64)
        token_weights = self.table.astype(np.float64) @ weights
        document["token_weights"] = [round(float(v), 5) for v in token_weights]
        document["power"] = self.power
        return document


class OutOfFoldLogits:
    """The sentence stage's input for fit_rescoring when it reads the fine-tuned classifier:
    each training sentence's logit from the fold model that never saw it (stacking on in-sample
    logits would trust the classifier far too much). ``encode`` answers for the training
    sentences only, in file order, as fit_rescoring asks."""

    FORMAT = "claimtracker.checkworthiness-classifier-oof/1"

    def __init__(self, model_id: str, texts: Sequence[str], logits) -> None:
        self.model_id = model_id
        self.texts = list(texts)
        self.logits = logits

    @classmethod
    def read(cls, path: Path, train_path: Path, data: Labelled, model_id: str) -> OutOfFoldLogits:
        import numpy as np

        with gzip.open(path, "rt", encoding="utf-8") as f:
            document = json.load(f)
        if document.get("format") != cls.FORMAT:
            raise ValueError(f"{path} is not a classifier's out-of-fold file.")
        if document["train_sha256"] != file_sha256(train_path):
            raise ValueError(
                f"{path} was made on another training file: rerun "
                "bench/finetune_checkworthiness.py --cv on this one."
            )
        by_id = document["logits"]
        logits = np.asarray([by_id[str(i)] for i in data.ids], dtype=np.float64)
        return cls(model_id, data.texts, logits[:, None])

    def encode(self, texts: Sequence[str]):
        if list(texts) != self.texts:
            raise ValueError("Out-of-fold logits exist for the training sentences only.")
        return self.logits


def fit_word_stage(texts, logits, labels, folds, config, encoder, log):
    """The word stage (``rescoring.WordStage``) with the pooling power and C of
    ``config.word_grid`` that give the best grouped out-of-fold F1; None when none fits."""
    import numpy as np

    vectors = TokenVectors(encoder, texts)
    best, tried = None, {}
    for power, c in config.word_grid:
        vectors.power = power
        word_config = replace(config, rescoring_c=c, max_band_share=config.word_band_share)
        log(f"The word stage, pooling power {power}, C={c}:")
        stage = fit_rescoring(texts, logits, labels, folds, word_config, encoder=vectors, log=log)
        if stage is None:
            continue
        f1 = f1_at(np.asarray(stage.oof_probabilities), np.asarray(labels), stage.threshold)
        tried[f"power={power} C={c}"] = round(f1, 4)
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, power, stage)
    if best is None:
        return None
    f1, vectors.power, stage = best
    stage.document = vectors.token_document(stage.document)
    stage.report = {**stage.report, "f1": round(f1, 4), "grid": tried}
    log(f"Chose the word stage with pooling power {vectors.power}, C={stage.document['c']}.")
    return stage
