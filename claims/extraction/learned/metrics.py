"""F1, precision, recall and average precision of the check-worthy class, and the best-F1
threshold: plain Python, shared by training, the tests and bench/eval_checkworthiness.py."""

from __future__ import annotations

from collections.abc import Sequence


def best_f1_threshold(probabilities: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """The threshold (halfway between two adjacent scores) with the highest F1, and that F1."""
    pairs = sorted(zip(probabilities, labels, strict=True), reverse=True)
    total_positive = sum(labels)
    best_f1, best_threshold = 0.0, 1.0
    tp = 0
    for k, (p, y) in enumerate(pairs):
        tp += y
        predicted = k + 1
        if k + 1 < len(pairs) and pairs[k + 1][0] == p:
            continue  # a threshold cannot split tied scores
        f1 = 2 * tp / (predicted + total_positive) if total_positive else 0.0
        if f1 > best_f1:
            following = pairs[k + 1][0] if k + 1 < len(pairs) else 0.0
            best_f1, best_threshold = f1, (p + following) / 2
    return best_threshold, best_f1


def binary_metrics(
    scores: Sequence[float], labels: Sequence[int], threshold: float
) -> dict[str, float]:
    """F1, precision and recall of the positive class at ``threshold``, and average precision."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    predicted = sum(1 for s in scores if s >= threshold)
    positive = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / positive if positive else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "average_precision": round(average_precision(scores, labels), 4),
    }


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Sum over distinct scores of (recall gained) * precision, as scikit-learn computes it."""
    ranked = sorted(zip(scores, labels, strict=True), reverse=True)
    positive = sum(labels)
    if not positive:
        return 0.0
    tp = counted_tp = 0
    total = 0.0
    for k, (score, y) in enumerate(ranked):
        tp += y
        if k + 1 < len(ranked) and ranked[k + 1][0] == score:
            continue  # tied scores are one threshold
        total += (tp - counted_tp) * tp / (k + 1)
        counted_tp = tp
    return total / positive
