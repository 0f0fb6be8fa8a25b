"""Fitting the second stage (``rescoring``) on grouped out-of-fold first-stage scores.

Training only (numpy, scipy); see ``rescoring`` for what the stage computes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from claims.extraction.learned.fitting import fit_logistic, platt_scaling
from claims.extraction.learned.metrics import best_f1_threshold, binary_metrics


@dataclass
class FittedRescoring:
    document: dict[str, Any]
    threshold: float
    oof_probabilities: Any  # numpy array: the final out-of-fold scores (band applied)
    everywhere_probabilities: Any  # the same with the stage on every sentence (no band)
    everywhere_threshold: float  # the best threshold for those
    report: dict[str, Any]


def _best_threshold(probabilities, labels):
    """numpy version of ``metrics.best_f1_threshold``: (threshold, F1)."""
    import numpy as np

    order = np.argsort(-probabilities, kind="stable")
    p = probabilities[order]
    tp = np.cumsum(labels[order])
    predicted = np.arange(1, len(p) + 1)
    f1 = 2 * tp / (predicted + labels.sum())
    last_of_tie = np.append(p[1:] != p[:-1], True)
    f1 = np.where(last_of_tie, f1, -1.0)
    k = int(np.argmax(f1))
    following = p[k + 1] if k + 1 < len(p) else 0.0
    return float((p[k] + following) / 2), float(f1[k])


def f1_at(probabilities, labels, threshold: float) -> float:
    predicted = probabilities >= threshold
    tp = float((predicted & (labels == 1)).sum())
    denominator = float(predicted.sum() + labels.sum())
    return 2 * tp / denominator if denominator else 0.0


def fit_rescoring(
    texts: Sequence[str],
    stage1_logits,
    labels,
    folds: list[list[int]],
    config: Any,
    *,
    encoder: Any,
    log: Callable[[str], None] = print,
) -> FittedRescoring | None:
    """Fit the second stage on out-of-fold first-stage logits; None when no band fits
    ``config.max_band_share``."""
    import numpy as np

    log(f"Embedding {len(texts)} sentences with {encoder.model_id} ...")
    embeddings = encoder.encode(list(texts)).astype(np.float64)
    z1 = np.asarray(stage1_logits, dtype=float)
    y = np.asarray(labels, dtype=float)
    x = np.hstack([embeddings, z1[:, None]])
    dimension = embeddings.shape[1]
    # The first-stage logit's coefficient is pulled towards 1 (keep the first stage as it is),
    # the embedding weights towards 0.
    prior = np.append(np.zeros(dimension), 1.0)
    penalty = np.append(np.full(dimension, 1.0 / config.rescoring_c), 1e-3)

    def fit(rows):
        positive = y[rows].mean()
        weight = np.where(y[rows] == 1, 0.5 / positive, 0.5 / (1 - positive))
        return fit_logistic(
            x[rows], y[rows], weight, penalty, prior, np.zeros(len(rows)), config.max_iterations
        )

    oof = np.zeros(len(y))
    everything = np.arange(len(y))
    for held_out in folds:
        kept = np.setdiff1d(everything, held_out)
        w, b = fit(kept)
        oof[held_out] = x[held_out] @ w + b
    a2, b2 = platt_scaling(oof, y)
    p2 = 1.0 / (1.0 + np.exp(-(a2 * oof + b2)))
    p1 = 1.0 / (1.0 + np.exp(-z1))
    t1, f1_first = _best_threshold(p1, y)
    t_all, f1_all = _best_threshold(p2, y)
    log(f"Out of fold: first stage F1 {f1_first:.3f}; second stage on every sentence {f1_all:.3f}.")

    best: tuple[float, float, float, float, float] | None = None  # (f1, lo, hi, t, share)
    grid = np.round(np.arange(0.02, 0.99, 0.02), 2)
    for lo in grid[grid <= t1]:
        for hi in grid[grid >= t1]:
            band = (p1 >= lo) & (p1 <= hi)
            share = float(band.mean())
            if share > config.max_band_share:
                continue
            combined = np.where(band, p2, p1)
            t, _ = _best_threshold(combined, y)
            t = min(max(t, lo), hi)  # outside the band the first stage decides
            f1 = f1_at(combined, y, t)
            if (
                best is None
                or f1 > best[0] + 1e-9
                or (abs(f1 - best[0]) <= 1e-9 and share < best[4])
            ):
                best = (f1, float(lo), float(hi), t, share)
    if best is None:
        log("No band fits max_band_share: the model is the first stage alone.")
        return None
    f1, lo, hi, threshold, share = best
    band = (p1 >= lo) & (p1 <= hi)
    combined = np.where(band, p2, p1)
    log(
        f"Band {lo:.2f}-{hi:.2f} of the first-stage score ({share:.1%} of training sentences "
        f"embedded): out-of-fold F1 {f1:.3f} at threshold {threshold:.3f}."
    )
    w, b = fit(everything)
    document = {
        "encoder": encoder.model_id,
        "band": [lo, hi],
        "stage1": round(float(a2 * w[-1]), 6),
        "bias": round(float(a2 * b + b2), 6),
        "weights": [round(float(a2 * v), 5) for v in w[:-1]],
        "calibration": {"method": "platt", "a": round(float(a2), 6), "b": round(float(b2), 6)},
        "c": config.rescoring_c,
    }
    report = {
        "second_stage_everywhere_f1": round(f1_all, 4),
        "band": [lo, hi],
        "band_share_of_training_sentences": round(share, 4),
        "threshold_second_stage_everywhere": round(t_all, 4),
    }
    return FittedRescoring(document, threshold, combined, p2, t_all, report)


# Figures over out-of-fold scores, shared with training.train.


def sigmoid(z):
    import numpy as np

    return 1.0 / (1.0 + np.exp(-z))


def logit(p):
    import numpy as np

    p = np.clip(np.asarray(p, dtype=float), 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def platt_probabilities(logits, labels):
    a, b = platt_scaling(logits, labels)
    return sigmoid(a * logits + b)


def per_fold_f1(probabilities, labels, folds, threshold: float) -> list[float]:
    return [
        binary_metrics(probabilities[f].tolist(), labels[f].tolist(), threshold)["f1"]
        for f in folds
    ]


def fold_f1(probabilities, labels, folds, threshold: float | None = None):
    """Pooled out-of-fold F1 at ``threshold`` (default: the best one), and the per-fold F1's
    mean and standard deviation at that same threshold."""
    import numpy as np

    if threshold is None:
        threshold, _ = best_f1_threshold(probabilities.tolist(), labels.tolist())
    pooled = binary_metrics(probabilities.tolist(), labels.tolist(), threshold)["f1"]
    per = per_fold_f1(probabilities, labels, folds, threshold)
    return pooled, float(np.mean(per)), float(np.std(per))
