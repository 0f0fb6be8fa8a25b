"""The second stage: sentences near the threshold are rescored with the sentence encoder.

The first stage (n-grams and rules, ``scorer``) is cheap and scores every sentence. Only a
sentence whose calibrated first-stage score falls inside ``band`` is embedded with the base
sentence encoder (``claims.semantic.encoder.load_encoder()``, all-MiniLM-L6-v2) and rescored:

    logit2 = stage1 * logit1 + weights . embedding + bias

Platt scaling of the second stage is folded into these numbers, so logit2 is calibrated like
logit1 and one threshold serves both. Everything here is chosen on out-of-fold scores of the
grouped cross-validation in ``training`` (see ``fit_rescoring``); a sentence outside the band
keeps its first-stage score, so a document costs one embedding per sentence in the band, not
per sentence. Embedding is about 25 times dearer than the first stage, hence the band.

Run time needs numpy only; ``rescoring_training`` fits it (numpy, scipy).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

logger = logging.getLogger(__name__)

MEANING = "meaning (sentence encoder)"  # the feature that carries weights . embedding

EncoderLoader = Callable[[], Any]
_registered_loader: EncoderLoader | None = None


def use_encoder(loader: EncoderLoader | None) -> None:
    """Register where the second stage gets its sentence encoder: a callable returning an
    object with ``model_id`` and ``encode(texts) -> array`` or None. Extraction imports no other
    part of the project, so the claims app registers ``claims.semantic.encoder.load_encoder``
    at start-up (as do the commands and benchmarks that score); None unregisters it."""
    global _registered_loader
    _registered_loader = loader


class Rescorer:
    """The second stage as the model file stores it; ``encoder`` is loaded on first use."""

    def __init__(self, document: dict[str, Any], encoder_loader: EncoderLoader | None = None):
        import numpy as np

        self.encoder_id = str(document["encoder"])
        self.weights = np.asarray(document["weights"], dtype=np.float32)
        self.stage1 = float(document["stage1"])
        self.bias = float(document["bias"])
        self.low, self.high = (float(v) for v in document["band"])
        # Read on first use, so that a loader registered after the model was read still counts.
        self.encoder_loader = encoder_loader
        self._encoder: Any = None
        self._unavailable = False

    def in_band(self, probability: float) -> bool:
        return self.low <= probability <= self.high

    def encoder(self) -> Any | None:
        """The base sentence encoder, or None (warned once) when it cannot be used."""
        if self._encoder is None and not self._unavailable:
            loader = self.encoder_loader or _registered_loader
            problem = "no encoder is registered (see use_encoder)"
            encoder = None
            if loader is not None:
                try:
                    encoder = loader()
                except Exception as exc:  # never fail extraction over stage two
                    problem = str(exc)
                else:
                    problem = "it did not load (see the log above)"
            if encoder is not None and encoder.model_id != self.encoder_id:
                problem = f"it is {encoder.model_id}, the model was trained with {self.encoder_id}"
                encoder = None
            if encoder is None:
                self._unavailable = True
                logger.warning(
                    "Check-worthiness: the sentence encoder is unavailable (%s); scoring with "
                    "the first stage (n-grams and rules) alone. Install requirements.txt to "
                    "restore the second stage.",
                    problem,
                )
            self._encoder = encoder
        return self._encoder

    def meanings(self, texts: Sequence[str]) -> list[float] | None:
        """weights . embedding per text, or None when the encoder is unavailable."""
        encoder = self.encoder()
        if encoder is None:
            return None
        try:
            vectors = encoder.encode(list(texts))
        except Exception:  # onnxruntime's own errors: never fail extraction over stage two
            logger.exception("Check-worthiness: the sentence encoder failed; first stage only.")
            return None
        return [float(v) for v in vectors @ self.weights]
