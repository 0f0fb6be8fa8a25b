"""The later stages: sentences near the threshold are rescored by meaning.

The first stage (n-grams and rules, ``scorer``) is cheap and scores every sentence. Two later
stages follow, each rescoring only the sentences whose score so far falls inside its ``band``:

    logit_next = stage1 * logit_so_far + meaning + bias

- The word stage (``WordStage``) reads the sentence's word pieces alone: each WordPiece token
  of the base encoder's vocabulary has one stored weight, the projection of the token's own
  vector from that encoder (``Encoder.token_vectors``: the model run on the token alone) on
  the stage's weights, and

      meaning = sum(token_weights[t] for t in pieces) / len(pieces) ** power

  which is ``weights . pooled(token vectors)``, a linear model on the sentence's pooled token
  vectors computed without running the model: a look-up per word, remembered per word as
  written. Its band is wide (about half the sentences).
- The sentence stage (``Rescorer``) reads the sentence with the model named in the file:
  the fine-tuned check-worthiness classifier (``claims.semantic.encoder.Classifier``,
  all-MiniLM-L6-v2 with a linear head trained on CT24 train), whose "vector" is its one logit,
  so ``meaning = weight * logit``; or, in a model trained with ``--no-classifier``, the base
  encoder's embedding, ``meaning = weights . embedding``. Either costs a model run, about 25
  times the first stage, hence a narrow band around the threshold, read on the word stage's
  scores (it was fitted on them); ``score_many(thorough=True)`` ignores that band.

Platt scaling of each stage is folded into its numbers, so every logit is calibrated like the
first and one threshold serves all. Everything here is chosen on out-of-fold scores of the
grouped cross-validation in ``training`` (see ``fit_rescoring``); a sentence outside a band
keeps its score so far.

Run time needs numpy and the encoder (its tokenizer alone for the word stage);
``rescoring_training`` fits them (numpy, scipy).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

logger = logging.getLogger(__name__)

MEANING = "meaning (sentence encoder)"  # the feature that carries weights . embedding
WORD_MEANING = "meaning (word vectors)"  # the word stage's feature
_WORD_CACHE_LIMIT = 200_000  # distinct words whose token weights are remembered

EncoderLoader = Callable[[str], Any]
_registered_loader: EncoderLoader | None = None


def use_encoder(loader: EncoderLoader | None) -> None:
    """Register where the later stages get their models: a callable taking the model id a
    stage was trained with and returning an object with ``model_id``, ``encode(texts) ->
    array`` and ``word_pieces(words) -> lists of token ids`` (``claims.semantic.encoder``'s
    Encoder, or its Classifier, whose "vector" is one logit), or None. Extraction imports no
    other part of the project, so the claims app registers
    ``claims.semantic.encoder.load_encoder`` at start-up (as do the commands and benchmarks
    that score); None unregisters it."""
    global _registered_loader
    _registered_loader = loader


class Rescorer:
    """The sentence stage as the model file stores it; ``encoder`` is loaded on first use."""

    feature = MEANING

    def __init__(self, document: dict[str, Any], encoder_loader: EncoderLoader | None = None):
        import numpy as np

        self.weights = np.asarray(document["weights"], dtype=np.float32)
        self.encoder_id = str(document["encoder"])
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
                    encoder = loader(self.encoder_id)
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


class WordStage(Rescorer):
    """The word stage as the model file stores it (module docstring): one weight per WordPiece
    token of the encoder's vocabulary; only the encoder's tokenizer is used at run time."""

    feature = WORD_MEANING

    def __init__(self, document: dict[str, Any], encoder_loader: EncoderLoader | None = None):
        super().__init__(document, encoder_loader)  # its weights too: the file keeps them
        self.token_weights = [float(v) for v in document["token_weights"]]
        self.power = float(document["power"])
        self._words: dict[str, tuple[float, int]] = {}  # word -> (sum of weights, pieces)

    def meanings(self, texts: Sequence[str]) -> list[float] | None:
        """Each text's token weights summed over its word pieces, divided by (number of
        pieces) ** power; None when the encoder (its tokenizer) is unavailable."""
        encoder = self.encoder()
        if encoder is None:
            return None
        cache = self._words
        split = [text.split() for text in texts]
        # This call's words, read from the cache once: another thread may clear it meanwhile.
        words: dict[str, tuple[float, int] | None] = {}
        for ws in split:
            for w in ws:
                if w not in words:
                    words[w] = cache.get(w)
        missing = [w for w, entry in words.items() if entry is None]
        if missing:
            try:
                pieces = encoder.word_pieces(missing)
            except Exception:  # the tokenizer's own errors: never fail extraction over it
                logger.exception("Check-worthiness: the tokenizer failed; first stage only.")
                return None
            weights = self.token_weights
            if len(cache) + len(missing) > _WORD_CACHE_LIMIT:
                cache.clear()
            for word, ids in zip(missing, pieces, strict=True):
                words[word] = cache[word] = (sum(weights[i] for i in ids), len(ids))
        out = []
        for ws in split:
            total, count = 0.0, 0
            for w in ws:
                entry = words[w]
                total += entry[0]
                count += entry[1]
            out.append(total / count**self.power if count else 0.0)
        return out
