"""Check-worthiness: our scorer against the rules alone and a TF-IDF + LR baseline.

Run from the project root: ``.venv/bin/python bench/eval_checkworthiness.py``. Needs the
development requirements (scikit-learn, for the baseline). Prints a Markdown table and writes
it to bench/CHECKWORTHINESS.md.

- CT24 dev and dev-test: CLEF CheckThat! 2024 Task 1 English (bench/data/checkworthiness/).
- news: every sentence the extractor keeps from the example article and the fixture articles,
  labelled by hand in bench/data/news_labels.tsv (1: states a checkable fact).

Thresholds: ours uses the one in its model file (what ``extract()`` uses); the rules use their
0.5; the baseline's is tuned on dev. Dev-test is never used to choose anything.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import RULE_MIN_SCORE, RuleScorer, extract, read_path  # noqa: E402
from claims.extraction.learned import MODEL_PATH, LearnedScorer  # noqa: E402
from claims.extraction.learned.training import (  # noqa: E402
    best_f1_threshold,
    binary_metrics,
    read_ct24,
)

DATA = ROOT / "bench" / "data"
CT24 = DATA / "checkworthiness"
NEWS_LABELS = DATA / "news_labels.tsv"
ARTICLES = {
    "kuril-islands-2021-02-15.txt": ROOT / "claims" / "demo" / "kuril-islands-2021-02-15.txt",
    "barents-cod-quotas.txt": ROOT / "tests" / "fixtures" / "articles" / "barents-cod-quotas.txt",
    "eu-budget-row.html": ROOT / "tests" / "fixtures" / "articles" / "eu-budget-row.html",
}
OUTPUT = ROOT / "bench" / "CHECKWORTHINESS.md"
MEGABYTE = 1_000_000

Score = Callable[[Sequence[str]], list[float]]


def _squash(text: str) -> str:
    return " ".join(text.split())


def news_sentences() -> tuple[list[str], list[int]]:
    """The extractor's sentences of each article, with the hand labels (all must be labelled)."""
    labels: dict[tuple[str, str], int] = {}
    with NEWS_LABELS.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            labels[row["article"], _squash(row["sentence"])] = int(row["label"])
    texts: list[str] = []
    gold: list[int] = []
    for name, path in ARTICLES.items():
        for sentence in extract(read_path(path), scorer=RuleScorer()).sentences:
            key = (name, _squash(sentence.text))
            if key not in labels:
                raise SystemExit(f"{NEWS_LABELS} has no label for {key}: add a row for it.")
            texts.append(sentence.text)
            gold.append(labels[key])
    return texts, gold


def tfidf_baseline(train_texts: Sequence[str], train_labels: Sequence[int]) -> Score:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(vectorizer.fit_transform(train_texts), train_labels)
    return lambda texts: model.predict_proba(vectorizer.transform(texts))[:, 1].tolist()


def megabyte_article() -> str:
    """About 1 MB of distinct sentences in paragraphs (CT24 debate lines and the articles)."""
    sentences = [t for n in ("train", "dev") for t in read_ct24(_ct24(n)).texts]
    parts: list[str] = []
    size = 0
    for i, sentence in enumerate(sentences):
        parts.append(sentence + ("\n\n" if i % 5 == 4 else " "))
        size += len(parts[-1].encode())
        if size >= MEGABYTE:
            break
    return "".join(parts)


def _ct24(name: str) -> Path:
    return CT24 / f"CT24_checkworthy_english_{name}.tsv"


def _row(name: str, split: str, metrics: dict[str, float], threshold: float) -> str:
    return (
        f"| {name} | {split} | {metrics['f1']:.3f} | {metrics['precision']:.3f} | "
        f"{metrics['recall']:.3f} | {metrics['average_precision']:.3f} | {threshold:.3f} |"
    )


def main() -> None:
    started = time.perf_counter()
    train = read_ct24(_ct24("train"))
    splits = {
        "CT24 dev": read_ct24(_ct24("dev")),
        "CT24 dev-test": read_ct24(_ct24("dev-test")),
    }
    news_texts, news_gold = news_sentences()

    load_started = time.process_time()
    ours = LearnedScorer.load(MODEL_PATH)
    load_seconds = time.process_time() - load_started
    rules = RuleScorer()
    baseline = tfidf_baseline(train.texts, train.labels)
    dev = splits["CT24 dev"]
    baseline_threshold, _ = best_f1_threshold(baseline(dev.texts), dev.labels)

    ours_dev_threshold, _ = best_f1_threshold([ours.score(t)[0] for t in dev.texts], dev.labels)
    without_policy = _without_policy(MODEL_PATH)
    scorers: list[tuple[str, Score, float]] = [
        (
            "**ours**: n-grams + rules + desk policy, calibrated",
            lambda ts: [ours.score(t)[0] for t in ts],
            ours.threshold,
        ),
        (
            "ours, threshold tuned on CT24 dev instead",
            lambda ts: [ours.score(t)[0] for t in ts],
            ours_dev_threshold,
        ),
        (
            "ours without the desk policy (same threshold)",
            lambda ts: [without_policy.score(t)[0] for t in ts],
            ours.threshold,
        ),
        ("rules alone (RuleScorer)", lambda ts: [rules.score(t)[0] for t in ts], RULE_MIN_SCORE),
        ("TF-IDF word 1-2 + LR, balanced (dev threshold)", baseline, baseline_threshold),
    ]
    lines = [
        "| scorer | data | F1 (check-worthy) | precision | recall | average precision | "
        "threshold |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, score, threshold in scorers:
        for split, data in splits.items():
            metrics = binary_metrics(score(data.texts), data.labels, threshold)
            lines.append(_row(name, split, metrics, threshold))
        metrics = binary_metrics(score(news_texts), news_gold, threshold)
        lines.append(_row(name, f"news ({len(news_gold)} sentences)", metrics, threshold))

    # CPU seconds of this one process (time.process_time): what one core spends, whatever else
    # the machine is running. Fresh scorers: an empty token cache, as in a new worker.
    article = megabyte_article()
    cold = LearnedScorer.load(MODEL_PATH)
    extract_started = time.process_time()
    extraction = extract(_document(article), scorer=cold)
    extract_seconds = time.process_time() - extract_started
    sentences = [s.text for s in extraction.sentences]
    cold = LearnedScorer.load(MODEL_PATH)
    score_started = time.process_time()
    for sentence in sentences:
        cold.score(sentence)
    score_seconds = time.process_time() - score_started
    rules_started = time.process_time()
    for sentence in sentences:
        rules.score(sentence)
    rules_seconds = time.process_time() - rules_started

    size = MODEL_PATH.stat().st_size
    lines += [
        "",
        f"Model file: `{MODEL_PATH.relative_to(ROOT)}`, {size / 1e6:.2f} MB, trained in "
        f"{ours.provenance.get('training_seconds', '?')} s; loaded in {load_seconds:.2f} s "
        "(CPU).",
        f"A {len(article.encode()) / 1e6:.2f} MB article ({len(sentences)} sentences), CPU "
        f"time on one core with a fresh scorer: `extract()` {extract_seconds:.2f} s in all; "
        f"scoring alone {score_seconds:.2f} s, of which the rule features (`RuleScorer`) "
        f"{rules_seconds:.2f} s.",
        "",
        "Reliability of our scores (mean score vs share check-worthy, per score band):",
        "",
        "| data | " + " | ".join(f"{i / 5:.1f}-{(i + 1) / 5:.1f}" for i in range(5)) + " |",
        "|---|" + "---|" * 5,
    ]
    for split, data in splits.items():
        lines.append(
            f"| {split} | "
            + reliability([ours.score(t)[0] for t in data.texts], data.labels)
            + " |"
        )
    lines += ["", f"Benchmark ran in {time.perf_counter() - started:.0f} s."]
    table = "\n".join(lines)
    print(table)
    OUTPUT.write_text(
        "# Check-worthiness benchmark\n\n"
        "Generated by `.venv/bin/python bench/eval_checkworthiness.py`; do not edit by hand.\n"
        "F1, precision and recall are for the check-worthy class at each scorer's threshold "
        "(ours: the model file's, which `extract()` uses; rules: 0.5; the baseline's: tuned on "
        "CT24 dev). Dev-test is never used to choose anything. news: every sentence the "
        "extractor keeps from the example article and the fixture articles, labelled by hand "
        "in `bench/data/news_labels.tsv`: 1 when it states something a fact-checker can verify "
        "against records (an event, a number, a state of affairs, also when reported from a "
        "named source), 0 for opinions, predictions, questions, hopes, teasers and vague "
        "remarks, also when attributed. The example article also guided the design (it is a "
        "test), so the news rows are a check, not a held-out measurement.\n\n" + table + "\n",
        encoding="utf-8",
    )


def _without_policy(path: Path) -> LearnedScorer:
    """Our model with the desk's policy weights taken back out of the rule weights."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        document = json.load(f)
    a = document["calibration"]["a"]
    for name, weight in document["policy"].items():
        document["rules"][name] -= a * weight
    return LearnedScorer.from_document(document)


def _document(text: str):
    from claims.extraction import read_text

    return read_text(text)


def reliability(probabilities: Sequence[float], labels: Sequence[int]) -> str:
    """Per fifth of the score range: mean score / observed share check-worthy (count)."""
    bins: list[list[tuple[float, int]]] = [[] for _ in range(5)]
    for p, y in zip(probabilities, labels, strict=True):
        bins[min(int(p * 5), 4)].append((p, y))
    cells = []
    for members in bins:
        if not members:
            cells.append("-")
            continue
        mean_p = sum(p for p, _ in members) / len(members)
        rate = sum(y for _, y in members) / len(members)
        cells.append(f"{mean_p:.2f} / {rate:.2f} ({len(members)})")
    return " | ".join(cells)


if __name__ == "__main__":
    main()
