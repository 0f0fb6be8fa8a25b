"""Sentence encoder throughput on this machine (issue 13: at least 200 sentences/s).

    .venv/bin/python bench/bench_encoder.py [--n 2000]

Encodes real sentences (the CLEF 2020 task 2 verified claims from ../shared when present, else
generated sentences of claim-like length) and prints a table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.semantic.encoder import MODEL_ID, load_encoder  # noqa: E402

CLAIMS = ROOT.parent / "shared/corpus/claim-matching/clef2020-t2/verified_claims.docs.tsv"


def sentences(n: int) -> tuple[list[str], str]:
    if CLAIMS.is_file():
        with CLAIMS.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t"))[1:]
        return [row[1] for row in rows[:n]], "CLEF 2020 t2 verified claims"
    base = "Officials said the bridge to the islands cost {} million euros and carried {} people"
    return [base.format(i, i * 7) for i in range(n)], "generated claims"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    texts, origin = sentences(args.n)
    started = time.perf_counter()
    encoder = load_encoder()
    load_s = time.perf_counter() - started
    if encoder is None:
        sys.exit("The encoder did not load (see the log): pip install -r requirements.txt")
    encoder.encode(texts[:64])  # warm-up: onnxruntime allocates its arenas on the first runs
    rows = []
    for batch in (1, 8, 32, 64):
        started = time.perf_counter()
        encoder.encode(texts, batch_size=batch)
        elapsed = time.perf_counter() - started
        rows.append((batch, len(texts), elapsed, len(texts) / elapsed))
    print(f"encoder {MODEL_ID}, {len(texts)} {origin}, {os.cpu_count()} CPUs")
    print(f"load (first call, once per process): {load_s * 1000:.0f} ms")
    print(f"{'batch':>6} {'sentences':>10} {'seconds':>8} {'sentences/s':>12}")
    for batch, n, elapsed, rate in rows:
        print(f"{batch:>6} {n:>10} {elapsed:>8.2f} {rate:>12.0f}")
    print("target: >= 200 sentences/s at the default batch size (32)")


if __name__ == "__main__":
    main()
