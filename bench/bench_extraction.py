#!/usr/bin/env python
"""Extraction throughput: articles and kilobytes per second through the whole pipeline.

`claims.extraction.extract(read_text(text))` on the example article
(claims/demo/kuril-islands-2021-02-15.txt) and on a ~1 MB synthetic article made of the real
sentences of tests/fixtures/articles, regrouped into paragraphs of 2-5 sentences of one article
(in their order) with their numbers varied, so no two lines are the same and the boilerplate
rules see article text, not repetition. Floor: sentence splitting alone
(claims.extraction.sentences.split_block over the blank-line paragraphs of the same text), the
pipeline's first step and the least any extractor must do.

Throughput is given per CPU second of this process (time.process_time: one core, whatever else
the machine runs) and per wall second. Peak memory: tracemalloc's peak of Python allocations
during one extraction (a separate, untimed run) and the process's peak RSS at the end.

Usage: .venv/bin/python bench/bench_extraction.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    ROOT,
    fmt,
    log,
    machine_line,
    md_table,
    median,
    peak_rss_mb,
    write_section,
)

EXAMPLE = ROOT / "claims" / "demo" / "kuril-islands-2021-02-15.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
LARGE_CHARS = 1_000_000
TARGET_KB_S = 200


def fixture_sentences() -> list[list[str]]:
    """Per fixture article, the sentences the pipeline keeps (boilerplate left out), in order."""
    from claims.extraction import extract, read_html, read_text

    documents = [read_text(path.read_text()) for path in sorted(FIXTURES.glob("*.txt"))]
    for path in sorted(FIXTURES.glob("*.html")):
        try:
            documents.append(read_html(path.read_text()))
        except ValueError:
            continue  # a page with no article text (the navigation-only fixture)
    return [[s.text for s in extract(d).sentences] for d in documents]


def synthetic_article(chars: int = LARGE_CHARS, seed: int = 11) -> str:
    """A long article of real sentences, regrouped: paragraphs of 2-5 sentences drawn from one
    fixture article, numbers varied, until `chars` long.

    Every paragraph is one line and no two are the same, so the boilerplate rules see article
    text (the "repeated line" rule drops verbatim repeats, which no real article has).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not security
    articles = [[" ".join(s.split()) for s in a] for a in fixture_sentences() if len(a) >= 5]
    out: list[str] = []
    seen: set[str] = set()
    size = 0
    while size < chars:
        article = rng.choice(articles)
        picked = sorted(rng.sample(range(len(article)), rng.randint(2, 5)))
        paragraph = " ".join(article[i] for i in picked)
        varied = re.sub(r"\d+", lambda _: str(rng.randint(2, 9999)), paragraph)
        if varied in seen:
            continue
        seen.add(varied)
        out.append(varied)
        size += len(varied) + 2
    return "\n\n".join(out)


def scorer_in_use(text: str) -> str:
    """Which scorer extract() uses by default: the class of the first `score(self, ...)` or
    `score_many(self, ...)` call (the pipeline scores a document in one batch when it can).

    Read from the running code, so it stays true whoever changes the default.
    """
    from claims.extraction import extract, read_text

    found: list[str] = []

    def profiler(frame, event, arg):
        if (
            event == "call"
            and frame.f_code.co_name in ("score", "score_many")
            and "self" in frame.f_locals
        ):
            cls = type(frame.f_locals["self"])
            found.append(f"{cls.__module__}.{cls.__qualname__}")
            sys.setprofile(None)

    sys.setprofile(profiler)
    try:
        extract(read_text(text))
    finally:
        sys.setprofile(None)
    return found[0] if found else "unknown (no score() call seen)"


def split_only(text: str) -> int:
    from claims.extraction.sentences import split_block

    count = 0
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        count += len(split_block(text, match.start(), match.end()))
    return count


def pipeline(text: str) -> int:
    from claims.extraction import extract, read_text

    return len(extract(read_text(text)).sentences)


def timed(call, text: str, *, min_runs: int, budget_s: float) -> dict:
    """Run `call(text)` at least min_runs times and until budget_s; per-run wall and CPU."""
    call(text)  # warm caches (regexes, lru_caches), as a long-running worker has them
    walls, cpus = [], []
    deadline = time.monotonic() + budget_s
    while len(walls) < min_runs or time.monotonic() < deadline:
        wall, cpu = time.perf_counter(), time.process_time()
        result = call(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if len(walls) >= 1000:
            break
    return {"wall": median(walls), "cpu": median(cpus), "runs": len(walls), "result": result}


def traced_peak_mb(call, text: str) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    call(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs, 200 kB article")
    args = parser.parse_args()
    started = time.monotonic()
    # As the service runs it: the claims app hands the check-worthiness model's second stage
    # its sentence encoder at start-up (claims/apps.py); this Django-free script does the same.
    from claims.extraction.learned.rescoring import use_encoder
    from claims.semantic.encoder import load_encoder

    use_encoder(load_encoder)
    budget = 1.5 if args.quick else 4.0
    example = EXAMPLE.read_text()
    large = synthetic_article(200_000 if args.quick else LARGE_CHARS)
    scorer = scorer_in_use(example)
    log(f"scorer: {scorer}")

    rows, memory_rows = [], []
    for label, text, min_runs in (
        ("example article (kuril-islands-2021-02-15.txt)", example, 20),
        (f"synthetic article from the fixtures (~{len(large) / 1e6:.1f} MB)", large, 2),
    ):
        kb = len(text.encode()) / 1000
        full = timed(pipeline, text, min_runs=min_runs, budget_s=budget)
        floor = timed(split_only, text, min_runs=min_runs, budget_s=budget)
        log(f"{label}: pipeline {kb / full['cpu']:.0f} kB/s CPU, split {kb / floor['cpu']:.0f}")
        ok = kb / full["cpu"] >= TARGET_KB_S
        rows.append(
            [
                label,
                fmt(kb),
                fmt(full["result"]),
                fmt(full["cpu"] * 1000),
                fmt(1 / full["wall"], 1),
                fmt(kb / full["cpu"], 0),
                fmt(kb / full["wall"], 0),
                fmt(kb / floor["cpu"], 0),
                f"{floor['cpu'] / full['cpu']:.3f}x",
                f"≥ {TARGET_KB_S} kB/s: " + ("met" if ok else "**missed**"),
            ]
        )
        memory_rows.append(
            [label, fmt(traced_peak_mb(pipeline, text)), fmt(traced_peak_mb(split_only, text))]
        )

    wall = time.monotonic() - started
    body = "\n\n".join(
        [
            machine_line(wall),
            f"Scorer used by `extract()` by default: `{scorer}` (seen from the running code).",
            md_table(
                [
                    "text",
                    "kB (UTF-8)",
                    "sentences",
                    "CPU ms per article",
                    "articles/s (wall)",
                    "kB/s per CPU second",
                    "kB/s wall",
                    "floor kB/s per CPU s (split only)",
                    "ours/floor",
                    "target",
                ],
                rows,
            ),
            "Peak memory of one extraction (tracemalloc: Python allocations; MB):",
            md_table(["text", "pipeline peak", "split-only peak"], memory_rows),
            f"Process peak RSS (VmHWM) at the end: {peak_rss_mb(__import__('os').getpid()):.0f} "
            "MB (the interpreter, Django-free extraction modules, both texts and results).",
            "kB = 1,000 bytes of UTF-8 text. The floor is the splitter alone over blank-line "
            "paragraphs; the pipeline also reads the text, scans lines for boilerplate, finds "
            "speakers and quantities and scores every sentence.",
        ]
    )
    write_section("extraction", "Extraction (bench/bench_extraction.py)", body)


if __name__ == "__main__":
    main()
